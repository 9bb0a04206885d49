package dev.platform.flink.turnstile;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Event time of the turnstile stream. TIMESTAMP is a naive New York local time; the job treats it
 * as if it were UTC, so windows align to local clock boundaries (08:00, 08:05, ...) and window
 * bounds convert back to the same local time. A daylight-saving change therefore makes one night an
 * hour shorter or longer in event time; no window spans two local dates either way.
 */
public final class EventTime {
  private EventTime() {}

  public static long toMillis(LocalDateTime localTime) {
    return localTime.toEpochSecond(ZoneOffset.UTC) * 1000L + localTime.getNano() / 1_000_000;
  }

  public static LocalDateTime toLocalTime(long millis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }
}
