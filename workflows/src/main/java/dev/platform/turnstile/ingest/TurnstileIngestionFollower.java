package dev.platform.turnstile.ingest;

import dev.platform.temporal.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Starts {@link TurnstileBatchIngestionWorkflow} for a range of weeks (or joins the run already
 * going for the same range) and reports its progress lines, one per week, until it completes.
 */
public final class TurnstileIngestionFollower {
  private final WorkflowClient client;

  public TurnstileIngestionFollower(WorkflowClient client) {
    this.client = client;
  }

  /**
   * @throws WorkflowFailedException when the run fails (its lines are reported first)
   */
  public TurnstileIngestionResult startAndFollow(
      LocalDate from, LocalDate to, String source, Consumer<String> progress) {
    String workflowId = TurnstileBatchIngestionWorkflow.workflowId(from, to);
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.TURNSTILE)
            .setMemo(Map.of("from", from.toString(), "to", to.toString(), "source", source))
            .build();
    TurnstileBatchIngestionWorkflow workflow =
        client.newWorkflowStub(TurnstileBatchIngestionWorkflow.class, options);
    try {
      WorkflowClient.start(workflow::ingest, from, to, source);
    } catch (WorkflowExecutionAlreadyStarted e) {
      progress.accept("a run for these weeks is already going; following it");
      workflow = client.newWorkflowStub(TurnstileBatchIngestionWorkflow.class, workflowId);
    }
    return follow(workflow, progress);
  }

  private static TurnstileIngestionResult follow(
      TurnstileBatchIngestionWorkflow workflow, Consumer<String> progress) {
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    int shown = 0;
    while (true) {
      try {
        TurnstileIngestionResult result =
            stub.getResult(1, TimeUnit.SECONDS, TurnstileIngestionResult.class);
        show(result.lines(), shown, progress);
        return result;
      } catch (TimeoutException stillRunning) {
        shown = show(workflowProgress(workflow), shown, progress);
      } catch (WorkflowFailedException failed) {
        show(workflowProgress(workflow), shown, progress);
        throw failed;
      }
    }
  }

  private static List<String> workflowProgress(TurnstileBatchIngestionWorkflow workflow) {
    try {
      return workflow.progress();
    } catch (RuntimeException e) {
      return List.of(); // no worker answered the query yet
    }
  }

  private static int show(List<String> lines, int shown, Consumer<String> progress) {
    for (int i = shown; i < lines.size(); i++) {
      progress.accept(lines.get(i));
    }
    return Math.max(shown, lines.size());
  }
}
