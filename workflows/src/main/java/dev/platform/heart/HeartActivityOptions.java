package dev.platform.heart;

import dev.platform.ml.data.DataValidationException;
import dev.platform.temporal.RetryPolicies;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Timeouts and retries of every heart-pipeline activity, in one place. Bad data never gets better
 * by retrying, so {@link DataValidationException} is non-retryable everywhere.
 */
final class HeartActivityOptions {
  /** Failure types that end an activity at once; the workflow then fails with the message. */
  static final String[] NON_RETRYABLE = {DataValidationException.class.getName()};

  /** A training activity that stops heart-beating is presumed dead (worker gone) after this. */
  static final Duration TRAINING_HEARTBEAT_TIMEOUT = Duration.ofSeconds(20);

  private HeartActivityOptions() {}

  static RetryOptions retry(int maximumAttempts) {
    return RetryPolicies.backoff(maximumAttempts, NON_RETRYABLE);
  }

  /** Defaults: short file steps. */
  static ActivityOptions defaults() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(retry(5))
        .build();
  }

  /** Per activity (by activity type name) where the defaults do not fit. */
  static Map<String, ActivityOptions> perActivity() {
    return Map.of(
        "TrainModel",
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(30))
            .setHeartbeatTimeout(TRAINING_HEARTBEAT_TIMEOUT)
            .setRetryOptions(retry(3))
            .build(),
        "PromoteBundle",
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(retry(5))
            .build(),
        "AwaitTraining",
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofHours(6))
            .setHeartbeatTimeout(TRAINING_HEARTBEAT_TIMEOUT)
            .setRetryOptions(retry(5))
            .build(),
        "NotifyApi",
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(retry(3))
            .build());
  }
}
