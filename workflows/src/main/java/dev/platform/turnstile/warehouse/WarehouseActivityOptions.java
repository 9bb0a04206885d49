package dev.platform.turnstile.warehouse;

import dev.platform.temporal.RetryPolicies;
import dev.platform.warehouse.DataQualityException;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Timeouts and retries of the warehouse load's activities, in one place. A failed data-quality
 * check does not get better by retrying: {@link DataQualityException} is non-retryable. A warehouse
 * held by another process is retried (the other load ends).
 */
final class WarehouseActivityOptions {
  static final String[] NON_RETRYABLE = {DataQualityException.class.getName()};

  /** A files load that stops heart-beating is presumed dead (worker gone) after this. */
  static final Duration LOAD_HEARTBEAT_TIMEOUT = Duration.ofSeconds(20);

  private WarehouseActivityOptions() {}

  static RetryOptions retry(int maximumAttempts) {
    return RetryPolicies.backoff(maximumAttempts, NON_RETRYABLE);
  }

  /** Defaults: a step may wait up to 10 minutes for another process's load, then work. */
  static ActivityOptions defaults() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(15))
        .setRetryOptions(retry(5))
        .build();
  }

  /** Per activity (by activity type name) where the defaults do not fit. */
  static Map<String, ActivityOptions> perActivity() {
    return Map.of(
        "LoadLakeFiles",
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(30))
            .setHeartbeatTimeout(LOAD_HEARTBEAT_TIMEOUT)
            .setRetryOptions(retry(5))
            .build());
  }
}
