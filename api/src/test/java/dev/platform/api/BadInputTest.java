package dev.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad requests of every kind are answered 4xx with a JSON error body, never 5xx. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest implements TestPropertyProvider {
  private static final int MAX_RECORDS = 50;
  private static final int MAX_BODY_BYTES = 32_000;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "api.model-dir", TestBundles.xgboost().toString(),
        "api.max-records", Integer.toString(MAX_RECORDS),
        "api.max-body-bytes", Integer.toString(MAX_BODY_BYTES));
  }

  /**
   * One bad request and what must come back; {@code field} null means only the status and shape are
   * checked.
   */
  record Case(
      String name,
      String path,
      byte[] body,
      String contentType,
      int status,
      Integer index,
      String field,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case json(String name, String body, int status) {
    return new Case(name, "/predict", utf8(body), "application/json", status, null, null, null);
  }

  static Case field(String name, String body, int index, String field, String message) {
    return new Case(name, "/predict", utf8(body), "application/json", 400, index, field, message);
  }

  static String replace(String record, String from, String to) {
    if (!record.contains(from)) {
      throw new IllegalArgumentException(from + " not in " + record);
    }
    return record.replace(from, to);
  }

  static Stream<Case> corpus() {
    String ok = Records.CASE_1;
    List<Case> cases = new ArrayList<>();
    cases.add(json("malformed JSON", "[{\"bmi\":40,", 400));
    cases.add(json("trailing garbage", "[" + ok + "] x", 400));
    cases.add(
        json(
            "deep nesting",
            String.join("", Collections.nCopies(200, "["))
                + String.join("", Collections.nCopies(200, "]")),
            400));
    cases.add(json("bare NaN token", "[" + replace(ok, "\"bmi\":40", "\"bmi\":NaN") + "]", 400));
    cases.add(json("JSON null body", "null", 400));
    cases.add(json("object instead of list", ok, 400));
    cases.add(json("number instead of list", "42", 400));
    cases.add(json("empty list", "[]", 400));
    cases.add(
        json(
            "too many records",
            Records.list(Collections.nCopies(MAX_RECORDS + 1, "{}").toArray(String[]::new)),
            400));
    cases.add(json("empty body", "", 400));
    cases.add(json("whitespace body", "   ", 400));
    cases.add(json("duplicate key", "[" + replace(ok, "{", "{\"bmi\":30,") + "]", 400));
    cases.add(json("double-encoded garbage", "\"[{\\\"bmi\\\":\"", 400));
    cases.add(json("triple-encoded", "\"\\\"[]\\\"\"", 400));
    cases.add(
        field(
            "huge number",
            "[" + replace(ok, "\"bmi\":40", "\"bmi\":1e400") + "]",
            0,
            "bmi",
            "between 10 and 100"));
    cases.add(
        field(
            "huge integer",
            "[" + replace(ok, "\"bmi\":40", "\"bmi\":" + "9".repeat(60)) + "]",
            0,
            "bmi",
            "between 10 and 100"));
    cases.add(
        json(
            "overlong number",
            "[" + replace(ok, "\"bmi\":40", "\"bmi\":" + "9".repeat(500)) + "]",
            400));
    cases.add(
        field(
            "NaN string",
            "[" + replace(ok, "\"bmi\":40", "\"bmi\":\"NaN\"") + "]",
            0,
            "bmi",
            "must be a number"));
    cases.add(
        field(
            "null value",
            "[" + replace(ok, "\"sleeptime\":10", "\"sleeptime\":null") + "]",
            0,
            "sleeptime",
            "must not be null"));
    cases.add(
        field(
            "unknown field",
            Records.list(ok, replace(ok, "{", "{\"weight\":80,")),
            1,
            "weight",
            "unknown field"));
    cases.add(
        field(
            "upper-case field name",
            "[" + replace(ok, "\"bmi\":40", "\"BMI\":40") + "]",
            0,
            "BMI",
            "lower-case"));
    cases.add(
        field(
            "missing field",
            Records.list(ok, ok, replace(ok, "\"race\":\"White\",", "")),
            2,
            "race",
            "missing"));
    cases.add(
        field(
            "wrong type for a category",
            "[" + replace(ok, "\"sex\":\"Male\"", "\"sex\":1") + "]",
            0,
            "sex",
            "must be one of"));
    cases.add(
        field(
            "list as a value",
            "[" + replace(ok, "\"bmi\":40", "\"bmi\":[40]") + "]",
            0,
            "bmi",
            "must be a number"));
    cases.add(
        field(
            "BMI below range",
            "[" + replace(ok, "\"bmi\":40", "\"bmi\":5") + "]",
            0,
            "bmi",
            "between 10 and 100"));
    cases.add(
        field(
            "health days above range",
            "[" + replace(ok, "\"physicalhealth\":0", "\"physicalhealth\":31") + "]",
            0,
            "physicalhealth",
            "between 0 and 30"));
    cases.add(
        field(
            "negative sleep",
            "[" + replace(ok, "\"sleeptime\":10", "\"sleeptime\":-1") + "]",
            0,
            "sleeptime",
            "between 0 and 24"));
    cases.add(
        field(
            "age band outside the set",
            "[" + replace(ok, "\"agecategory\":\"65-69\"", "\"agecategory\":\"17-18\"") + "]",
            0,
            "agecategory",
            "is not one of"));
    cases.add(
        field(
            "diabetic outside the set",
            "[" + replace(ok, "\"diabetic\":\"No\"", "\"diabetic\":\"Maybe\"") + "]",
            0,
            "diabetic",
            "is not one of"));
    cases.add(
        field(
            "yes/no field with 2",
            "[" + replace(ok, "\"smoking\":0", "\"smoking\":2") + "]",
            0,
            "smoking",
            "must be 0, 1"));
    cases.add(
        field(
            "yes/no field with a word",
            "[" + replace(ok, "\"smoking\":0", "\"smoking\":\"sometimes\"") + "]",
            0,
            "smoking",
            "not Yes or No"));
    cases.add(field("record that is not an object", Records.list(ok, "1"), 1, "*", "JSON object"));
    cases.add(
        new Case(
            "non-UTF-8 bytes", "/predict", nonUtf8(ok), "application/json", 400, null, null, null));
    cases.add(
        new Case(
            "text/plain content type",
            "/predict",
            utf8("[" + ok + "]"),
            "text/plain",
            415,
            null,
            null,
            null));
    cases.add(
        new Case(
            "XML content type",
            "/predict",
            utf8("<records/>"),
            "application/xml",
            415,
            null,
            null,
            null));
    cases.add(
        new Case(
            "oversize body",
            "/predict",
            utf8(Records.list(Collections.nCopies(200, ok).toArray(String[]::new))),
            "application/json",
            413,
            null,
            null,
            null));
    cases.add(
        new Case(
            "explain not a boolean",
            "/predict?explain=maybe",
            utf8("[" + ok + "]"),
            "application/json",
            400,
            null,
            null,
            null));
    cases.add(
        new Case(
            "unknown path", "/nowhere", utf8("[]"), "application/json", 404, null, null, null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badRequestsAreAnsweredWithA4xxJsonError(Case bad) {
    Http.Answer answer = new Http(client).post(bad.path(), bad.body(), bad.contentType());
    assertEquals(bad.status(), answer.status(), bad.name() + ": " + answer.body());
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    JsonNode body = answer.json();
    assertFalse(body.get("message").textValue().isBlank(), answer.body());
    JsonNode errors = body.get("errors");
    assertTrue(errors.isArray() && !errors.isEmpty(), answer.body());
    for (JsonNode error : errors) {
      assertTrue(error.has("index") && error.has("field"), answer.body());
      assertFalse(error.get("message").textValue().isBlank(), answer.body());
    }
    if (bad.field() != null) {
      JsonNode error = errors.get(0);
      assertEquals(bad.index().intValue(), error.get("index").intValue(), answer.body());
      assertEquals(bad.field(), error.get("field").textValue(), answer.body());
      assertTrue(
          error.get("message").textValue().contains(bad.message()),
          "expected '" + bad.message() + "' in " + answer.body());
    }
  }

  @Test
  void everyProblemOfEveryRecordIsListed() {
    String first = replace(Records.CASE_1, "\"bmi\":40", "\"bmi\":5");
    String second = replace(replace(Records.CASE_2, "\"race\":\"White\",", ""), "{", "{\"x\":1,");
    String third = replace(Records.CASE_3, "\"sex\":\"Female\"", "\"sex\":\"F\"");
    Http.Answer answer =
        new Http(client).postJson("/predict", Records.list(first, Records.CASE_1, second, third));
    assertEquals(400, answer.status(), answer.body());
    List<String> found = new ArrayList<>();
    for (JsonNode error : answer.json().get("errors")) {
      found.add(error.get("index").intValue() + ":" + error.get("field").textValue());
    }
    assertEquals(List.of("0:bmi", "2:x", "2:race", "3:sex"), found);
  }

  @Test
  void validRecordsStillScoreUnderTheSameLimits() {
    Http.Answer answer = new Http(client).postJson("/predict", Records.list(Records.CASE_1));
    assertEquals(200, answer.status(), answer.body());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] nonUtf8(String record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] text = utf8("[" + replace(record, "\"Male\"", "\"M@le\"") + "]");
    for (byte b : text) {
      out.write(b == '@' ? 0xFF : b);
    }
    return out.toByteArray();
  }
}
