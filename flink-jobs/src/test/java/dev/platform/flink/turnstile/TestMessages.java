package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.LocalDateTime;
import java.util.UUID;

/** Turnstile messages for tests, in the stream's wire format. */
final class TestMessages {
  private TestMessages() {}

  static TurnstileMessage message(
      String scp, LocalDateTime timestamp, long entries, long exits, String id) {
    return message("A002", "R051", scp, "59 ST", timestamp, entries, exits, id);
  }

  static TurnstileMessage message(
      String ca,
      String unit,
      String scp,
      String station,
      LocalDateTime timestamp,
      long entries,
      long exits,
      String id) {
    return new TurnstileMessage(
        ca,
        unit,
        scp,
        station,
        "NQR456W",
        "BMT",
        timestamp.toLocalDate(),
        timestamp.toLocalTime(),
        "REGULAR",
        entries,
        exits,
        id,
        timestamp);
  }

  static String line(String scp, LocalDateTime timestamp, long entries, long exits) {
    return message(scp, timestamp, entries, exits, UUID.randomUUID().toString()).format();
  }

  static TurnstileEvent event(String scp, LocalDateTime timestamp, long entries, long exits) {
    TurnstileMessage m = message(scp, timestamp, entries, exits, UUID.randomUUID().toString());
    return TurnstileEvent.of(m, m.format());
  }

  static LocalDateTime at(String time) {
    return LocalDateTime.parse("2024-01-06T" + time);
  }
}
