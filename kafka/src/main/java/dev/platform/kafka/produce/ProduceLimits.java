package dev.platform.kafka.produce;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a producer run stops and how fast it goes.
 *
 * @param count stop after this many messages (empty: no limit)
 * @param duration stop after this long (empty: no limit)
 * @param ratePerSecond at most this many messages a second (0: as fast as possible)
 * @param speedup replay event time this many times faster than it happened (0: do not pace by event
 *     time)
 */
public record ProduceLimits(
    OptionalLong count, Optional<Duration> duration, double ratePerSecond, double speedup) {

  public ProduceLimits {
    if (count.isPresent() && count.getAsLong() < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count.getAsLong());
    }
    if (duration.isPresent() && duration.get().isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration.get());
    }
    if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be 0 (unlimited) or more: " + ratePerSecond);
    }
    if (speedup < 0 || Double.isNaN(speedup)) {
      throw new IllegalArgumentException("speedup must be 0 (no pacing) or more: " + speedup);
    }
  }

  public static ProduceLimits count(long count) {
    return new ProduceLimits(OptionalLong.of(count), Optional.empty(), 0, 0);
  }

  public ProduceLimits withRate(double ratePerSecond) {
    return new ProduceLimits(count, duration, ratePerSecond, speedup);
  }
}
