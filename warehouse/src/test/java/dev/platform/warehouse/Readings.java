package dev.platform.warehouse;

import dev.platform.core.turnstile.StreamAggregate;
import dev.platform.core.turnstile.TurnstileReading;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Hand-made readings and windows for small fixtures. */
final class Readings {
  private Readings() {}

  static TurnstileReading reading(String scp, String at, String desc, long entries, long exits) {
    LocalDateTime time = LocalDateTime.parse(at);
    return new TurnstileReading(
        "A002",
        "R051",
        scp,
        "59 ST",
        "NQR456W",
        "BMT",
        time.toLocalDate(),
        time.toLocalTime(),
        desc,
        entries,
        exits);
  }

  static StreamAggregate window(String scp, String start, long entries, long exits) {
    LocalDateTime from = LocalDateTime.parse(start);
    return new StreamAggregate(
        "A002",
        "R051",
        scp,
        "59 ST",
        "NQR456W",
        "BMT",
        from.toLocalDate(),
        "REGULAR",
        from,
        from.plusMinutes(5),
        entries,
        exits);
  }

  static LocalDate saturday(String date) {
    return LocalDate.parse(date);
  }

  static LocalTime time(String time) {
    return LocalTime.parse(time);
  }
}
