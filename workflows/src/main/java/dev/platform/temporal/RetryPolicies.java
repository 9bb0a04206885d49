package dev.platform.temporal;

import io.temporal.common.RetryOptions;
import java.time.Duration;

/** The platform's activity retry policy: exponential backoff from 1 s to 30 s. */
public final class RetryPolicies {
  private RetryPolicies() {}

  /**
   * @param maximumAttempts attempts in all, 0 for no limit
   * @param nonRetryable failure types (class names) that end the activity at once
   */
  public static RetryOptions backoff(int maximumAttempts, String... nonRetryable) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2)
        .setMaximumInterval(Duration.ofSeconds(30))
        .setMaximumAttempts(maximumAttempts)
        .setDoNotRetry(nonRetryable)
        .build();
  }
}
