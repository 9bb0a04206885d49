package dev.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.predict.Predictor;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /prometheus} after predictions: HTTP server series, predictions by label, the model. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusTest implements TestPropertyProvider {
  private static final Path BUNDLE = TestBundles.xgboost();

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("api.model-dir", BUNDLE.toString());
  }

  @Test
  void predictionsShowUpAsNamedSeries() throws Exception {
    Http http = new Http(client);
    String label = Predictor.load(BUNDLE).predict(Records.record(Records.CASE_1)).riskLabel().id();
    double before = predictions(http.get("/prometheus").body(), label);
    Http.Answer answer =
        http.postJson("/predict", Records.list(Records.CASE_1, Records.CASE_1, Records.CASE_1));
    assertEquals(200, answer.status(), answer.body());

    Http.Answer scrape = http.get("/prometheus");
    assertEquals(200, scrape.status(), scrape.body());
    assertTrue(scrape.contentType().startsWith("text/plain"), scrape.contentType());
    String text = scrape.body();
    assertEquals(before + 3, predictions(text, label), 1e-9, text);
    String version = ModelBundle.readManifest(BUNDLE).versionId();
    assertTrue(
        Pattern.compile(
                "(?m)^heart_model_info\\{[^}]*model=\"xgboost\"[^}]*version=\""
                    + Pattern.quote(version)
                    + "\"[^}]*} 1(\\.0)?$")
            .matcher(text)
            .find(),
        text);
    assertTrue(
        Pattern.compile(
                "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"200\""
                    + "[^}]*uri=\"/predict\"[^}]*} [1-9]")
            .matcher(text)
            .find(),
        text);
    assertTrue(text.contains("http_server_requests_seconds_sum{"), "latencies are exported");
  }

  private static double predictions(String text, String label) {
    Matcher matcher =
        Pattern.compile(
                "heart_predictions_total\\{[^}]*risk_label=\"" + label + "\"[^}]*} ([0-9.eE+-]+)")
            .matcher(text);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
