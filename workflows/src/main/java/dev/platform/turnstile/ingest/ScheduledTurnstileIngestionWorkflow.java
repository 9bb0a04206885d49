package dev.platform.turnstile.ingest;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * What the weekly schedule starts: {@link TurnstileBatchIngestionWorkflow} for the latest complete
 * week (the last Saturday, New York time, at the run's start), as a child named after that week.
 */
@WorkflowInterface
public interface ScheduledTurnstileIngestionWorkflow {
  String TYPE = "ScheduledTurnstileIngestion";

  /**
   * @param source as for {@link TurnstileBatchIngestionWorkflow#ingest}; blank for the worker's
   *     setting
   */
  @WorkflowMethod(name = TYPE)
  TurnstileIngestionResult run(String source);
}
