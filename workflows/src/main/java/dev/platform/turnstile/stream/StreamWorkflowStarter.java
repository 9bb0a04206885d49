package dev.platform.turnstile.stream;

import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.stream.StreamTypes.StreamJobRequest;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Optional;

/** Starts the one {@code TurnstileStream} run, or finds the one that runs. */
public final class StreamWorkflowStarter {
  private StreamWorkflowStarter() {}

  /** Starts the workflow unless it runs; true when this call started it. */
  public static boolean ensureRunning(WorkflowClient client) {
    TurnstileStreamWorkflow workflow =
        client.newWorkflowStub(
            TurnstileStreamWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TurnstileStreamWorkflow.WORKFLOW_ID)
                .setTaskQueue(TaskQueues.TURNSTILE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(workflow::run, StreamJobRequest.defaults());
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    }
  }

  /**
   * Waits until the workflow reports a running job ({@code job ... started|adopted at URL}).
   *
   * @return the status line, or empty after the timeout
   */
  public static Optional<String> awaitJob(WorkflowClient client, Duration timeout) {
    TurnstileStreamWorkflow workflow =
        client.newWorkflowStub(TurnstileStreamWorkflow.class, TurnstileStreamWorkflow.WORKFLOW_ID);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String status = workflow.status();
      if (status.contains(" started at ") || status.contains(" adopted at ")) {
        return Optional.of(status);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Cancels the run, if one runs (before the stack it needs goes away). */
  public static void cancel(WorkflowClient client) {
    WorkflowStub stub = client.newUntypedWorkflowStub(TurnstileStreamWorkflow.WORKFLOW_ID);
    try {
      stub.terminate("stopped by the platform");
    } catch (RuntimeException e) {
      // not running: nothing to stop
    }
  }
}
