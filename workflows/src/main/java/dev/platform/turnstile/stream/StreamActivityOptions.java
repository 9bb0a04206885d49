package dev.platform.turnstile.stream;

import dev.platform.temporal.RetryPolicies;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/** Timeouts and retries of the stream activities, in one place. */
final class StreamActivityOptions {
  /** A job jar or configuration that is missing does not appear by retrying. */
  static final String[] NON_RETRYABLE = {StreamJobException.class.getName()};

  /** A watcher that stops heart-beating is presumed gone (worker died) after this. */
  static final Duration WATCH_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

  private StreamActivityOptions() {}

  static ActivityOptions defaults() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(3))
        .setRetryOptions(retry(5))
        .build();
  }

  static Map<String, ActivityOptions> perActivity() {
    return Map.of(
        "WatchStreamJob",
        ActivityOptions.newBuilder()
            // a streaming job runs for as long as the platform does
            .setStartToCloseTimeout(Duration.ofDays(3650))
            .setHeartbeatTimeout(WATCH_HEARTBEAT_TIMEOUT)
            .setRetryOptions(retry(0))
            .build());
  }

  /** {@code maximumAttempts} 0: no limit. */
  private static RetryOptions retry(int maximumAttempts) {
    return RetryPolicies.backoff(maximumAttempts, NON_RETRYABLE);
  }
}
