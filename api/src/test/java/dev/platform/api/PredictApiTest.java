package dev.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.platform.api.model.Explainer;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.predict.Predictor;
import dev.platform.ml.predict.RiskPrediction;
import dev.platform.ml.train.EncodedSet;
import dev.platform.ml.train.XGBoostModel;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictApiTest implements TestPropertyProvider {
  private static final Path BUNDLE = TestBundles.xgboost();

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("api.model-dir", BUNDLE.toString(), "api.version", "9.9.9-test");
  }

  private Http http() {
    return new Http(client);
  }

  @Test
  void rootAnswersTheBannerWithTheVersion() {
    Http.Answer answer = http().get("/");
    assertEquals(200, answer.status());
    assertEquals("Heart Disease Risk Prediction API 9.9.9-test", answer.body());
  }

  @Test
  void theThreeOriginalCasesScoreAsThePredictorDoes() throws Exception {
    Http.Answer answer =
        http().postJson("/predict", Records.list(Records.CASE_1, Records.CASE_2, Records.CASE_3));
    assertEquals(200, answer.status(), answer.body());
    JsonNode results = answer.json();
    assertEquals(3, results.size());
    Predictor predictor = Predictor.load(BUNDLE);
    for (int i = 0; i < 3; i++) {
      RiskPrediction expected = predictor.predict(Records.record(Records.CASES.get(i)));
      JsonNode result = results.get(i);
      assertEquals(
          Math.round(expected.riskScore() * 10_000d) / 10_000d,
          result.get("risk_score").doubleValue(),
          1e-9,
          "case " + (i + 1));
      assertEquals(expected.riskLabel().id(), result.get("risk_label").textValue());
      assertEquals(Set.of("risk_score", "risk_label"), fieldNames(result));
    }
    assertTrue(
        results.get(1).get("risk_score").doubleValue()
            > results.get(2).get("risk_score").doubleValue(),
        "the second case (stroke, diabetes, poor health) should score above the third");
  }

  @Test
  void aDoubleEncodedBodyGivesTheSameAnswer() throws Exception {
    String list = Records.list(Records.CASE_1, Records.CASE_2, Records.CASE_3);
    Http.Answer plain = http().postJson("/predict", list);
    Http.Answer doubled = http().postJson("/predict", Http.JSON.writeValueAsString(list));
    assertEquals(200, doubled.status(), doubled.body());
    assertEquals(plain.json(), doubled.json());
  }

  @Test
  void yesNoFieldsAcceptWordsAndBooleans() {
    String words =
        Records.CASE_1
            .replace("\"smoking\":0", "\"smoking\":\"No\"")
            .replace("\"diffwalking\":1", "\"diffwalking\":\"yes\"")
            .replace("\"physicalactivity\":1", "\"physicalactivity\":true");
    Http.Answer answer = http().postJson("/predict", Records.list(words, Records.CASE_1));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(answer.json().get(0), answer.json().get(1));
  }

  @Test
  void explainGivesTheTopFiveFieldsByAbsoluteContribution() throws Exception {
    Http.Answer answer =
        http().postJson("/predict?explain=true", Records.list(Records.CASE_1, Records.CASE_2));
    assertEquals(200, answer.status(), answer.body());
    Set<String> names = HeartSchema.FIELDS.stream().map(f -> f.name()).collect(Collectors.toSet());
    for (JsonNode result : answer.json()) {
      JsonNode factors = result.get("top_factors");
      assertEquals(5, factors.size(), result.toString());
      double previous = Double.MAX_VALUE;
      for (JsonNode factor : factors) {
        assertTrue(names.contains(factor.get("field").textValue()), factor.toString());
        double size = Math.abs(factor.get("contribution").doubleValue());
        assertTrue(size <= previous, "sorted by |contribution|: " + factors);
        previous = size;
      }
    }
    // the folded contributions plus the bias are the booster's margin: logit of its raw score
    ModelBundle bundle = ModelBundle.read(BUNDLE);
    XGBoostModel booster = (XGBoostModel) bundle.model();
    List<HeartRecord> records =
        List.of(Records.record(Records.CASE_1), Records.record(Records.CASE_2));
    double[] raw = booster.predict(EncodedSet.unlabeled(bundle.manifest().encoding(), records));
    List<Explainer.Explanation> explanations =
        new Explainer(booster, bundle.manifest().encoding()).explain(records);
    for (int i = 0; i < records.size(); i++) {
      double logit = Math.log(raw[i] / (1 - raw[i]));
      assertEquals(logit, explanations.get(i).margin(), 1e-3);
      assertEquals(
          explanations.get(i).top(5).get(0).field(),
          answer.json().get(i).get("top_factors").get(0).get("field").textValue());
    }
  }

  @Test
  void modelDescribesTheBundleMetricsAndSchema() throws Exception {
    Http.Answer answer = http().get("/model");
    assertEquals(200, answer.status(), answer.body());
    JsonNode model = answer.json();
    var manifest = ModelBundle.readManifest(BUNDLE);
    assertEquals(manifest.versionId(), model.get("version_id").textValue());
    assertEquals(manifest.createdAt(), model.get("created_at").textValue());
    assertEquals(manifest.dataSha256(), model.get("data_sha256").textValue());
    assertEquals(manifest.threshold(), model.get("threshold").doubleValue(), 1e-12);
    assertEquals("xgboost", model.get("serving_model").textValue());
    assertEquals(
        Set.of("logistic_regression", "decision_tree", "random_forest", "xgboost"),
        fieldNames(model.get("models")));
    for (JsonNode metrics : model.get("models")) {
      for (String split : List.of("validation", "test_at_half", "test_at_threshold")) {
        assertTrue(metrics.get(split).has("roc_auc"), metrics.toString());
        assertTrue(metrics.get(split).has("f1"), metrics.toString());
      }
    }
    JsonNode schema = model.get("schema");
    assertEquals(17, schema.size());
    assertEquals("bmi", schema.get(0).get("name").textValue());
    assertEquals("number", schema.get(0).get("kind").textValue());
    assertEquals(10, schema.get(0).get("min").doubleValue());
    assertEquals(100, schema.get(0).get("max").doubleValue());
    JsonNode age = schema.get(8);
    assertEquals("agecategory", age.get("name").textValue());
    assertEquals("category", age.get("kind").textValue());
    assertEquals(13, age.get("values").size());
    assertTrue(age.get("ordered").booleanValue());
  }

  @Test
  void healthIsUpWithTheModel() throws Exception {
    Http.Answer answer = http().get("/health");
    assertEquals(200, answer.status(), answer.body());
    JsonNode health = answer.json();
    assertEquals("UP", health.get("status").textValue());
    assertEquals(
        ModelBundle.readManifest(BUNDLE).versionId(),
        health.get("details").get("model").get("details").get("version").textValue());
  }

  @Test
  void reloadNeedsTheKey() {
    Http.Answer answer = http().post("/admin/model/reload", new byte[0], null);
    assertEquals(403, answer.status(), answer.body());
    assertFalse(answer.json().get("message").textValue().isBlank());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
