package dev.platform.turnstile.ingest;

import dev.platform.core.turnstile.TurnstileFormatException;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.ChildWorkflowOptions;
import java.time.Duration;

/**
 * Timeouts and retries of turnstile ingestion, in one place. Unreachable sources and lakes are
 * retried; a bad request (no Saturday, no such mirror folder) or a file that is no turnstile data
 * never gets better by retrying. Bad files are not failures at all: they come back quarantined.
 */
final class TurnstileActivityOptions {
  /** Failure types that end an activity at once. */
  static final String[] NON_RETRYABLE = {
    IllegalArgumentException.class.getName(), TurnstileFormatException.class.getName()
  };

  /** How long the run waits for a warehouse load already going before starting its own. */
  static final Duration WAREHOUSE_BUSY_WAIT = Duration.ofSeconds(30);

  static final int WAREHOUSE_BUSY_ATTEMPTS = 20;

  private TurnstileActivityOptions() {}

  /** One week or the station table: a download of up to ~30 MB and one pass over it. */
  static ActivityOptions ingestion() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(4)
                .setDoNotRetry(NON_RETRYABLE)
                .build())
        .build();
  }

  /**
   * The warehouse load started after the weeks: the fixed id keeps one load per warehouse; a
   * cancelled ingestion leaves a load already going to finish (each file loads in one transaction).
   */
  static ChildWorkflowOptions warehouseLoad() {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(dev.platform.turnstile.warehouse.WarehouseLoadWorkflow.WORKFLOW_ID)
        .setTaskQueue(dev.platform.temporal.TaskQueues.TURNSTILE)
        .setWorkflowIdReusePolicy(
            io.temporal.api.enums.v1.WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setParentClosePolicy(
            io.temporal.api.enums.v1.ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .build();
  }
}
