package dev.platform.turnstile.ingest;

import dev.platform.core.ingest.TurnstileWeeks;
import dev.platform.temporal.TaskQueues;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.LocalDate;

public class ScheduledTurnstileIngestionWorkflowImpl
    implements ScheduledTurnstileIngestionWorkflow {
  @Override
  public TurnstileIngestionResult run(String source) {
    LocalDate week =
        TurnstileWeeks.latestComplete(Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    TurnstileBatchIngestionWorkflow ingestion =
        Workflow.newChildWorkflowStub(
            TurnstileBatchIngestionWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(TurnstileBatchIngestionWorkflow.workflowId(week, week))
                .setTaskQueue(TaskQueues.TURNSTILE)
                .build());
    return ingestion.ingest(week, week, source);
  }
}
