package dev.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.api.metrics.ServingMetrics;
import dev.platform.ml.predict.RiskPrediction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Where {@code /predict} scores: small plain requests on the Netty event loop, explanations and
 * large bodies on Micronaut's blocking pool ({@code io-executor-thread-*}), never on the loop.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringThreadsTest implements TestPropertyProvider {
  private static final String BLOCKING_POOL = "io-executor-thread-";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject ThreadRecordingMetrics recorded;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "api.model-dir", TestBundles.xgboost().toString(), "test.scoring-threads", "true");
  }

  @BeforeEach
  void forget() {
    recorded.threads.clear();
  }

  @Test
  void aSmallPlainRequestIsScoredOnTheEventLoop() {
    assertEquals(200, post("/predict", Records.list(Records.CASE_1, Records.CASE_2)));
    String thread = recorded.only();
    assertFalse(thread.startsWith(BLOCKING_POOL), thread);
    assertTrue(thread.toLowerCase().contains("eventloop"), thread);
  }

  @Test
  void explanationsAreScoredOnTheBlockingPool() {
    assertEquals(200, post("/predict?explain=true", Records.list(Records.CASE_1)));
    assertTrue(recorded.only().startsWith(BLOCKING_POOL), recorded.only());
  }

  @Test
  void aLargeBatchIsScoredOnTheBlockingPool() {
    String body = Records.list(Collections.nCopies(100, Records.CASE_3).toArray(String[]::new));
    assertTrue(body.length() > 16_384, "above api.event-loop-max-body-bytes");
    assertEquals(200, post("/predict", body));
    assertTrue(recorded.only().startsWith(BLOCKING_POOL), recorded.only());
  }

  @Test
  void aBadRecordOnTheBlockingPoolIsStillA400NamingTheField() {
    Http.Answer answer =
        new Http(client)
            .postJson(
                "/predict?explain=true",
                Records.list(Records.CASE_1.replace("\"bmi\":40", "\"bmi\":400")));
    assertEquals(400, answer.status(), answer.body());
    assertEquals("bmi", answer.json().get("errors").get(0).get("field").textValue());
  }

  @Test
  void theModelSaysItExplains() {
    assertTrue(new Http(client).get("/model").json().get("explains").booleanValue());
  }

  private int post(String path, String body) {
    return new Http(client).postJson(path, body).status();
  }

  /** Notes the thread of every scoring call. */
  @Singleton
  @Replaces(ServingMetrics.class)
  @Requires(property = "test.scoring-threads", value = "true")
  static class ThreadRecordingMetrics extends ServingMetrics {
    final ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();

    ThreadRecordingMetrics(MeterRegistry registry) {
      super(registry);
    }

    @Override
    public void scored(List<RiskPrediction> scored) {
      threads.add(Thread.currentThread().getName());
      super.scored(scored);
    }

    String only() {
      assertEquals(1, threads.size(), threads.toString());
      return threads.peek();
    }
  }
}
