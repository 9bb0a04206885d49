package dev.platform.turnstile.replay;

import dev.platform.temporal.RetryPolicies;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** One heart-beating activity; a retry resends the week, which the job de-duplicates by id. */
public class StreamReplayWorkflowImpl implements StreamReplayWorkflow {
  /** A week that is not in the lake does not appear by retrying. */
  static final String[] NON_RETRYABLE = {ReplaySourceMissingException.class.getName()};

  private final StreamReplayActivities activities =
      Workflow.newActivityStub(
          StreamReplayActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofHours(12))
              .setHeartbeatTimeout(Duration.ofSeconds(30))
              .setRetryOptions(RetryPolicies.backoff(3, NON_RETRYABLE))
              .build());

  @Override
  public ReplayResult replay(ReplayRequest request) {
    return activities.replayWeek(request);
  }
}
