package dev.platform.core.turnstile;

import java.util.OptionalLong;

/**
 * How cumulative register readings become traffic; the warehouse's traffic view and the stream
 * replay apply these same rules. The difference between consecutive readings of one turnstile is
 * traffic only when it is between 0 and {@link #MAX_INTERVAL_DELTA}; a negative difference (counter
 * reset or running backwards) or a larger one (a jump) is unknown traffic: set aside and counted,
 * never summed.
 */
public final class TrafficRules {
  /**
   * The largest believable count between two readings (4 hours apart): about one passenger every
   * 1.5 s through one turnstile. In the shared weeks the 99th percentile is 382.
   */
  public static final long MAX_INTERVAL_DELTA = 10_000;

  private TrafficRules() {}

  /** The traffic between two counter readings, or empty when it is unknown. */
  public static OptionalLong delta(long previous, long current) {
    long delta = current - previous;
    return delta < 0 || delta > MAX_INTERVAL_DELTA ? OptionalLong.empty() : OptionalLong.of(delta);
  }
}
