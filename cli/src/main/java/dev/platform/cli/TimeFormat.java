package dev.platform.cli;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the command line shows times (always UTC) and durations. */
final class TimeFormat {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TimeFormat() {}

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  static String seconds(Instant instant) {
    return SECONDS.format(instant);
  }

  static String millis(Instant instant) {
    return MILLIS.format(instant);
  }

  /** {@code 0.4s}, {@code 12.3s}, {@code 3m 05s}, {@code 2h 03m}, {@code 4d 07h}. */
  static String duration(Duration duration) {
    long millis = Math.max(0, duration.toMillis());
    long seconds = millis / 1000;
    if (seconds < 60) {
      return String.format("%.1fs", millis / 1000.0);
    }
    if (seconds < 3600) {
      return String.format("%dm %02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86400) {
      return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format("%dd %02dh", seconds / 86400, seconds % 86400 / 3600);
  }
}
