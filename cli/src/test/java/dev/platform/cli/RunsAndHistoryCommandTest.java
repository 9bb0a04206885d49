package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.cli.PlatformCommandTest.Run;
import dev.platform.devstack.Ports;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code runs} and {@code history} against a real gRPC test server, with runs made by a worker in
 * this test: one whose activity fails once and then succeeds, one that fails, one still running.
 */
class RunsAndHistoryCommandTest {
  static final String QUEUE = "cli-test";

  static TestServer.PortBoundTestServer server;
  static WorkflowServiceStubs service;
  static WorkerFactory workers;
  static String address;
  static String greetRunId;
  static String rejectRunId;
  static String waitRunId;

  @WorkflowInterface
  public interface GreetWorkflow {
    @WorkflowMethod
    String greet(String name);
  }

  @ActivityInterface
  public interface GreetActivities {
    String composeGreeting(String name);
  }

  @WorkflowInterface
  public interface RejectWorkflow {
    @WorkflowMethod
    void reject(String order);
  }

  @WorkflowInterface
  public interface WaitWorkflow {
    @WorkflowMethod
    void waitForever();
  }

  public static class GreetWorkflowImpl implements GreetWorkflow {
    private final GreetActivities activities =
        Workflow.newActivityStub(
            GreetActivities.class,
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
      return activities.composeGreeting(name);
    }
  }

  public static class FlakyGreetActivities implements GreetActivities {
    @Override
    public String composeGreeting(String name) {
      if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
        throw new IllegalStateException("greeting service warming up");
      }
      return "hello " + name;
    }
  }

  public static class RejectWorkflowImpl implements RejectWorkflow {
    @Override
    public void reject(String order) {
      throw ApplicationFailure.newNonRetryableFailure(
          "order " + order + " is invalid", "InvalidOrder");
    }
  }

  public static class WaitWorkflowImpl implements WaitWorkflow {
    @Override
    public void waitForever() {
      Workflow.await(() -> false);
    }
  }

  @BeforeAll
  static void runWorkflows() {
    int port = Ports.findFree();
    address = "localhost:" + port;
    server = TestServer.createPortBoundServer(port);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    workers = WorkerFactory.newInstance(client);
    Worker worker = workers.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(
        GreetWorkflowImpl.class, RejectWorkflowImpl.class, WaitWorkflowImpl.class);
    worker.registerActivitiesImplementations(new FlakyGreetActivities());
    workers.start();

    GreetWorkflow greet = client.newWorkflowStub(GreetWorkflow.class, options("greet-ada"));
    assertEquals("hello Ada", greet.greet("Ada"));
    greetRunId = WorkflowStub.fromTyped(greet).getExecution().getRunId();

    RejectWorkflow reject = client.newWorkflowStub(RejectWorkflow.class, options("order-42"));
    assertThrows(WorkflowFailedException.class, () -> reject.reject("42"));
    rejectRunId = WorkflowStub.fromTyped(reject).getExecution().getRunId();

    WaitWorkflow waiting = client.newWorkflowStub(WaitWorkflow.class, options("waiting-1"));
    waitRunId = WorkflowClient.start(waiting::waitForever).getRunId();
  }

  static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build();
  }

  @AfterAll
  static void shutDown() throws InterruptedException {
    try {
      if (workers != null) {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
      }
    } finally {
      if (service != null) {
        service.shutdownNow();
      }
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void runsListsOpenAndClosedRunsNewestFirst() {
    Run run = PlatformCommandTest.run("runs", "--address", address);

    assertEquals(0, run.exitCode(), run.errors());
    List<String> lines = run.output().lines().toList();
    assertTrue(lines.get(0).startsWith("WORKFLOW ID"), run.output());
    assertEquals(4, lines.size(), run.output());
    assertRow(lines.get(1), "waiting-1", waitRunId, "WaitWorkflow", "Running");
    assertTrue(lines.get(1).endsWith(" so far"), lines.get(1));
    assertRow(lines.get(2), "order-42", rejectRunId, "RejectWorkflow", "Failed");
    assertRow(lines.get(3), "greet-ada", greetRunId, "GreetWorkflow", "Completed");
    assertTrue(
        lines.get(3).matches(".*  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  \\d+\\.\\ds$"),
        "start time in UTC seconds and a duration: " + lines.get(3));
  }

  @Test
  void runsFiltersByStateTypeAndLimit() {
    assertEquals(List.of("waiting-1"), ids("runs", "--address", address, "--open"));
    assertEquals(List.of("order-42", "greet-ada"), ids("runs", "--address", address, "--closed"));
    assertEquals(
        List.of("order-42"), ids("runs", "--address", address, "--type", "RejectWorkflow"));
    assertEquals(List.of("waiting-1"), ids("runs", "--address", address, "--limit", "1"));
    assertEquals(List.of(), ids("runs", "--address", address, "--type", "NoSuchWorkflow"));

    Run both = PlatformCommandTest.run("runs", "--address", address, "--open", "--closed");
    assertEquals(2, both.exitCode(), "--open and --closed exclude each other");
  }

  @Test
  void historyShowsTheActivityAndThatItsSecondAttemptCompleted() {
    Run run = PlatformCommandTest.run("history", "greet-ada", "--address", address);

    assertEquals(0, run.exitCode(), run.errors());
    List<String> lines = run.output().lines().toList();
    assertEquals(
        List.of("ID", "TIME (UTC)", "EVENT", "ACTIVITY", "ATTEMPT", "DETAILS"),
        cells(lines.get(0)));
    assertTrue(
        cells(lines.get(1)).containsAll(List.of("1", "WorkflowExecutionStarted")), lines.get(1));
    assertTrue(lines.get(1).contains("workflow GreetWorkflow on task queue cli-test"));
    assertTrue(
        lines.get(1).matches("1\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\s.*"),
        "event time in UTC millis: " + lines.get(1));

    List<String> scheduled = cells(line(lines, "ActivityTaskScheduled"));
    assertEquals("ComposeGreeting", scheduled.get(3), scheduled.toString());
    // the test server, unlike a real one, does not record the previous attempt's failure here
    List<String> started = cells(line(lines, "ActivityTaskStarted"));
    assertEquals(List.of("ComposeGreeting", "2"), started.subList(3, 5), started.toString());
    List<String> completed = cells(line(lines, "ActivityTaskCompleted"));
    assertEquals(List.of("ComposeGreeting", "2"), completed.subList(3, completed.size()));
    assertTrue(
        cells(lines.get(lines.size() - 1)).contains("WorkflowExecutionCompleted"), run.output());
    assertFalse(run.output().contains("ActivityTaskFailed"), run.output());
  }

  @Test
  void historyShowsWhyAWorkflowFailed() {
    Run run =
        PlatformCommandTest.run(
            "history", "order-42", "--run-id", rejectRunId, "--address", address);

    assertEquals(0, run.exitCode(), run.errors());
    List<String> failed = cells(line(run.output().lines().toList(), "WorkflowExecutionFailed"));
    assertEquals("order 42 is invalid", failed.get(failed.size() - 1), failed.toString());
  }

  @Test
  void historyOfAnUnknownWorkflowIsAOneLineError() {
    Run run = PlatformCommandTest.run("history", "no-such-workflow", "--address", address);

    assertEquals(ErrorHandler.DATA_ERROR, run.exitCode(), run.output());
    assertEquals("error: no workflow no-such-workflow", run.errors().strip());
  }

  @Test
  void noServerIsAOneLineError() {
    String nowhere = "localhost:" + Ports.findFree();

    Run run = PlatformCommandTest.run("runs", "--address", nowhere);

    assertEquals(ErrorHandler.FAILED, run.exitCode());
    assertTrue(
        run.errors().startsWith("error: no Temporal server answers at " + nowhere), run.errors());
    assertEquals(1, run.errors().strip().lines().count(), run.errors());
  }

  static void assertRow(String line, String workflowId, String runId, String type, String status) {
    List<String> cells = cells(line);
    assertEquals(
        List.of(workflowId, runId.substring(0, 8), type, status), cells.subList(0, 4), line);
  }

  static List<String> ids(String... args) {
    Run run = PlatformCommandTest.run(args);
    assertEquals(0, run.exitCode(), run.errors());
    if (run.output().strip().equals("no workflow runs")) {
      return List.of();
    }
    return run.output().lines().skip(1).map(line -> cells(line).get(0)).toList();
  }

  static String line(List<String> lines, String eventType) {
    return lines.stream()
        .filter(line -> cells(line).contains(eventType))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + eventType + " in " + lines));
  }

  /** Table cells are separated by at least two spaces; cells themselves hold single spaces. */
  static List<String> cells(String line) {
    return Arrays.asList(line.strip().split("\\s{2,}"));
  }
}
