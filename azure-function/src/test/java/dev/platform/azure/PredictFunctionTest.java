package dev.platform.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.platform.ml.TestData;
import dev.platform.ml.TestRuns;
import dev.platform.ml.data.HeartCsvReader;
import dev.platform.ml.data.ParsedRow;
import dev.platform.ml.predict.Predictor;
import dev.platform.ml.train.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The function handler invoked in-process with constructed requests. */
class PredictFunctionTest {
  static final String RECORD =
      "{\"bmi\":40,\"smoking\":0,\"alcoholdrinking\":0,\"stroke\":0,\"physicalhealth\":0,"
          + "\"mentalhealth\":0,\"diffwalking\":1,\"sex\":\"Male\",\"agecategory\":\"65-69\","
          + "\"race\":\"White\",\"diabetic\":\"No\",\"physicalactivity\":1,\"genhealth\":\"Good\","
          + "\"sleeptime\":10,\"asthma\":0,\"kidneydisease\":0,\"skincancer\":0}";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path bundle;
  static PredictFunction function;

  @BeforeAll
  static void trainAndStart() throws Exception {
    Path sample = Files.write(dir.resolve("sample.csv"), TestData.devLines(5_000));
    bundle =
        TestRuns.train(sample.toString(), dir.resolve("run"), TrainingSettings.smallGrid())
            .folder();
    System.setProperty("api.model-dir", bundle.toString());
    function = new PredictFunction();
  }

  @AfterAll
  static void close() {
    function.close();
    System.clearProperty("api.model-dir");
  }

  @Test
  void scoresTheOriginalRecordLikeThePredictorDoes() throws Exception {
    HttpResponseMessage response =
        function
            .request(HttpMethod.POST, "/predict")
            .header("Content-Type", "application/json")
            .body("[" + RECORD + "," + RECORD + "]")
            .invoke();

    assertEquals(200, response.getStatusCode());
    JsonNode body = JSON.readTree(response.getBody().toString());
    assertEquals(2, body.size());
    double expected = Predictor.load(bundle).predict(record()).riskScore();
    assertEquals(expected, body.get(0).get("risk_score").asDouble(), 0.00005);
    assertTrue(
        List.of("none", "low", "medium", "high").contains(body.get(0).get("risk_label").asText()));
  }

  @Test
  void aBadRecordIsA400NamingTheField() throws Exception {
    HttpResponseMessage response =
        function
            .request(HttpMethod.POST, "/predict")
            .header("Content-Type", "application/json")
            .body("[" + RECORD.replace("\"bmi\":40", "\"bmi\":400") + "]")
            .invoke();

    assertEquals(400, response.getStatusCode());
    JsonNode error = JSON.readTree(response.getBody().toString()).get("errors").get(0);
    assertEquals(0, error.get("index").asInt());
    assertEquals("bmi", error.get("field").asText());
  }

  private static dev.platform.ml.data.HeartRecord record() throws Exception {
    Path csv = dir.resolve("one.csv");
    Files.writeString(
        csv,
        "BMI,Smoking,AlcoholDrinking,Stroke,PhysicalHealth,MentalHealth,DiffWalking,Sex,AgeCategory,"
            + "Race,Diabetic,PhysicalActivity,GenHealth,SleepTime,Asthma,KidneyDisease,SkinCancer\n"
            + "40,No,No,No,0,0,Yes,Male,65-69,White,No,Yes,Good,10,No,No,No\n");
    List<ParsedRow> rows = new ArrayList<>();
    HeartCsvReader.read(csv.toString(), false, rows::add);
    return rows.get(0).record();
  }
}
