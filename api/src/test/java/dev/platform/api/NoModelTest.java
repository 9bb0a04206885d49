package dev.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.api.config.ApiConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Without a loadable model the service starts, says so, and answers 503 to predictions. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoModelTest implements TestPropertyProvider {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject ApiConfig config;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "api.model-dir",
        "",
        "api.platform-home",
        Path.of("target", "empty-home").toAbsolutePath().toString(),
        "api.admin-key",
        "");
  }

  @Test
  void predictAnswers503WithAMessage() {
    Http.Answer answer = new Http(client).postJson("/predict", Records.list(Records.CASE_1));
    assertEquals(503, answer.status(), answer.body());
    assertTrue(answer.json().get("message").textValue().contains("no model"), answer.body());
  }

  @Test
  void modelAnswers503() {
    assertEquals(503, new Http(client).get("/model").status());
  }

  @Test
  void healthIsDownAndSaysWhy() {
    Http.Answer answer = new Http(client).get("/health");
    assertEquals(503, answer.status(), answer.body());
    assertEquals("DOWN", answer.json().get("status").textValue());
    assertTrue(
        answer
            .json()
            .get("details")
            .get("model")
            .get("details")
            .get("error")
            .textValue()
            .contains("CURRENT"),
        answer.body());
  }

  @Test
  void theOpenApiDocumentAndSwaggerUiAreServed() {
    Http http = new Http(client);
    Http.Answer document = http.get("/swagger/heart-risk-api-" + config.version() + ".yml");
    assertEquals(200, document.status(), document.body());
    assertTrue(document.body().contains("/predict:"), document.body());
    assertTrue(document.body().contains("risk_score"), document.body());
    Http.Answer ui = http.get("/swagger-ui/index.html");
    assertEquals(200, ui.status());
    assertTrue(ui.body().contains("heart-risk-api-" + config.version() + ".yml"), ui.body());
  }

  @Test
  void theBannerStillAnswers() {
    assertEquals(200, new Http(client).get("/").status());
  }

  @Test
  void reloadIsDisabledWithoutAConfiguredKey() {
    Http.Answer answer =
        new Http(client)
            .send(HttpRequest.POST("/admin/model/reload", "").header("X-API-Key", "anything"));
    assertEquals(403, answer.status(), answer.body());
    assertTrue(answer.json().get("message").textValue().contains("disabled"), answer.body());
  }
}
