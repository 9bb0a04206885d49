package dev.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.devstack.Ports;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The worker's metrics endpoint after real runs: a worker connected through {@link
 * TemporalConnection#openForWorker} to Temporal's test server (a real gRPC server on a free port),
 * one workflow whose activity fails once and then succeeds.
 */
class WorkerMetricsTest {
  static final String QUEUE = "metrics-test";

  @WorkflowInterface
  public interface MetricsGreet {
    @WorkflowMethod
    String greet(String name);
  }

  @ActivityInterface
  public interface MetricsGreetActivities {
    String compose(String name);
  }

  public static class MetricsGreetImpl implements MetricsGreet {
    private final MetricsGreetActivities activities =
        Workflow.newActivityStub(
            MetricsGreetActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(100))
                        .setMaximumAttempts(3)
                        .build())
                .build());

    @Override
    public String greet(String name) {
      return activities.compose(name);
    }
  }

  public static class FlakyActivities implements MetricsGreetActivities {
    @Override
    public String compose(String name) {
      if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
        throw new IllegalStateException("warming up");
      }
      return "hello " + name;
    }
  }

  @Test
  void servesTemporalSeriesAfterAWorkflowRun() throws Exception {
    int port = Ports.findFree();
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
    try (WorkerMetrics metrics = WorkerMetrics.serve(0);
        TemporalConnection connection =
            TemporalConnection.openForWorker(
                TemporalSettings.local("localhost:" + port), metrics.scope())) {
      WorkerFactory factory = WorkerFactory.newInstance(connection.client());
      Worker worker = factory.newWorker(QUEUE);
      worker.registerWorkflowImplementationTypes(MetricsGreetImpl.class);
      worker.registerActivitiesImplementations(new FlakyActivities());
      factory.start();
      try {
        MetricsGreet greet =
            connection
                .client()
                .newWorkflowStub(
                    MetricsGreet.class,
                    WorkflowOptions.newBuilder()
                        .setTaskQueue(QUEUE)
                        .setWorkflowId("metrics-greet")
                        .build());
        assertEquals("hello Ada", greet.greet("Ada"));

        String body = scrapeUntil(metrics.port(), "temporal_workflow_completed_total{");
        assertTrue(
            seriesLine(
                body, "temporal_workflow_completed_total{", "workflow_type=\"MetricsGreet\""),
            body);
        assertTrue(
            seriesLine(
                body, "temporal_activity_execution_failed_total{", "activity_type=\"Compose\""),
            "the first attempt's failure is counted:\n" + body);
        assertTrue(body.contains("temporal_request_total{"), "client gRPC requests:\n" + body);
        assertTrue(
            body.contains("temporal_activity_execution_latency_seconds"),
            "activity latencies:\n" + body);
      } finally {
        factory.shutdownNow();
        factory.awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      server.close();
    }
  }

  @Test
  void aTakenPortIsAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      UncheckedIOException error =
          assertThrows(UncheckedIOException.class, () -> WorkerMetrics.serve(taken.getLocalPort()));
      assertTrue(error.getMessage().contains("port " + taken.getLocalPort()), error.getMessage());
    }
  }

  @Test
  void settingsFromTheEnvironment() {
    assertEquals(
        new MetricsSettings(OptionalInt.of(MetricsSettings.DEFAULT_PORT), false),
        MetricsSettings.from(Map.of()));
    assertEquals(
        new MetricsSettings(OptionalInt.of(9999), true),
        MetricsSettings.from(Map.of("PLATFORM_WORKER_METRICS_PORT", " 9999 ")));
    assertFalse(
        MetricsSettings.from(Map.of("PLATFORM_WORKER_METRICS_PORT", "off")).port().isPresent());
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> MetricsSettings.from(Map.of("PLATFORM_WORKER_METRICS_PORT", "99999")));
    assertTrue(error.getMessage().contains("PLATFORM_WORKER_METRICS_PORT"), error.getMessage());
  }

  private static boolean seriesLine(String body, String series, String label) {
    return body.lines().anyMatch(line -> line.startsWith(series) && line.contains(label));
  }

  /** The SDK reports every second; scrape until the series is there (at most 15 s). */
  private static String scrapeUntil(int port, String series) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + WorkerMetrics.PATH)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    String body = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(
          response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
          response.headers().toString());
      body = response.body();
      if (body.contains(series)) {
        return body;
      }
      Thread.sleep(250);
    }
    return body;
  }
}
