package dev.platform.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LocalLake;
import dev.platform.core.source.Sources;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.temporal.TaskQueues;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real worker process killed while the four models train: the server times the training
 * activities out by their heartbeat, a second worker process retries them, and the run completes
 * with one promoted bundle.
 */
class WorkerCrashRecoveryTest {
  @TempDir Path home;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void killedWorkerMidTrainingStillEndsWithOnePromotedBundle() throws Exception {
    int port = freePort();
    start("temporal", "io.temporal.testserver.TestServer", String.valueOf(port));
    awaitPort(port, Duration.ofSeconds(30));
    Path sample = HeartSamples.sample(home, 150_000);
    String sha256 = Sources.sha256(sample.toString());
    String workflowId = HeartModelTrainingWorkflow.workflowId(sha256);

    try (TemporalConnection connection =
        TemporalConnection.open(TemporalSettings.local("localhost:" + port))) {
      Process firstWorker = startWorker(port, "worker-1");
      WorkflowClient client = connection.client();
      HeartModelTrainingWorkflow workflow =
          client.newWorkflowStub(
              HeartModelTrainingWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(workflowId)
                  .setTaskQueue(TaskQueues.HEART_TRAINING)
                  .build());
      WorkflowClient.start(workflow::train, sample.toString(), HeartTrainingSteps.DEFAULT_MODELS);

      Path run = home.resolve("runs").resolve(workflowId);
      List<String> trained = awaitModelsTrained(workflow, 3, Duration.ofSeconds(180));
      assertTrue(
          trained.stream().noneMatch(line -> line.startsWith("trained xgboost")),
          "XGBoost must still be training: " + trained);
      assertTrue(
          Files.notExists(run.resolve("candidates/xgboost")), "XGBoost must still be training");
      firstWorker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertTrue(
          Files.notExists(run.resolve(dev.platform.ml.pipeline.RunFolder.MODEL_DIR)),
          "the worker must die before the bundle step");

      startWorker(port, "worker-2");
      HeartTrainingResult result;
      try {
        result =
            WorkflowStub.fromTyped(workflow)
                .getResult(3, TimeUnit.MINUTES, HeartTrainingResult.class);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("no result; history: " + eventSummary(client, workflowId), e);
      }

      assertTrue(result.promoted(), result.reason());
      HeartLake lake = new HeartLake(new LocalLake(home.resolve("lake")), home);
      assertEquals(
          List.of(result.versionId()), HeartModelTrainingWorkflowTest.bundleVersions(lake.lake()));
      assertEquals(java.util.Optional.of(result.versionId()), lake.currentVersion());
      assertEquals(4, result.reports().size());
      long retriedActivities =
          client.fetchHistory(workflowId).getEvents().stream()
              .filter(event -> event.hasActivityTaskStartedEventAttributes())
              .filter(event -> event.getActivityTaskStartedEventAttributes().getAttempt() > 1)
              .count();
      assertTrue(retriedActivities > 0, "some activity ran again on the second worker");
    }
  }

  private static String eventSummary(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .map(
            event ->
                event.getEventId()
                    + ":"
                    + event.getEventType().name().replace("EVENT_TYPE_", "")
                    + (event.hasWorkflowTaskScheduledEventAttributes()
                        ? "("
                            + event
                                .getWorkflowTaskScheduledEventAttributes()
                                .getTaskQueue()
                                .getKind()
                            + ")"
                        : ""))
        .toList()
        .toString();
  }

  private Process startWorker(int port, String name) throws IOException {
    return start(
        name,
        List.of("TEMPORAL_ADDRESS=localhost:" + port, "PLATFORM_HOME=" + home),
        "dev.platform.worker.WorkerMain",
        "--no-schedules");
  }

  private Process start(String name, String mainClass, String... args) throws IOException {
    return start(name, List.of(), mainClass, args);
  }

  private Process start(String name, List<String> env, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(classPath());
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    for (String variable : env) {
      String[] parts = variable.split("=", 2);
      builder.environment().put(parts[0], parts[1]);
    }
    builder.redirectErrorStream(true);
    Path logs = Files.createDirectories(Path.of("target", "worker-crash-logs"));
    builder.redirectOutput(logs.resolve(name + ".log").toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
  private static String classPath() {
    String testClassPath = System.getProperty("surefire.test.class.path");
    return testClassPath != null && !testClassPath.isBlank()
        ? testClassPath
        : System.getProperty("java.class.path").replace(' ', File.pathSeparatorChar);
  }

  /**
   * Waits until the run itself says (its progress query) that {@code count} models are trained:
   * their results are then in the workflow's history, and only XGBoost's activity (the longest,
   * started first) still runs. Temporal's embedded test server never times out a workflow task that
   * was handed to a worker as it died (a real server does), so the kill comes while the workflow
   * waits on an activity, not in a workflow task.
   */
  private static List<String> awaitModelsTrained(
      HeartModelTrainingWorkflow workflow, int count, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> trained = List.of();
    while (System.nanoTime() < deadline) {
      try {
        trained = workflow.progress().stream().filter(l -> l.startsWith("trained ")).toList();
      } catch (RuntimeException noAnswerYet) {
        trained = List.of();
      }
      if (trained.size() >= count) {
        return trained;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(count + " models not trained within " + timeout + ": " + trained);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket("localhost", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nothing listens on port " + port + " after " + timeout);
  }
}
