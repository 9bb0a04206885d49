package dev.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A bundle serving logistic regression scores, but cannot explain. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainUnsupportedTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("api.model-dir", TestBundles.logisticRegression().toString());
  }

  @Test
  void predictionsWork() {
    Http.Answer answer = new Http(client).postJson("/predict", Records.list(Records.CASE_1));
    assertEquals(200, answer.status(), answer.body());
  }

  @Test
  void theModelSaysItDoesNotExplain() {
    Http.Answer model = new Http(client).get("/model");
    assertEquals(false, model.json().get("explains").booleanValue(), model.body());
  }

  @Test
  void explainIsA400ThatNamesTheModel() {
    Http.Answer answer =
        new Http(client).postJson("/predict?explain=true", Records.list(Records.CASE_1));
    assertEquals(400, answer.status(), answer.body());
    String message = answer.json().get("message").textValue();
    assertTrue(message.contains("XGBoost") && message.contains("logistic_regression"), message);
  }
}
