package dev.platform.core.turnstile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One reading of a turnstile's registers, as in the MTA weekly files. {@code entries} and {@code
 * exits} are cumulative counters, not traffic (see DESIGN): traffic is the difference between
 * consecutive readings of the same turnstile.
 *
 * @param ca control area (booth), {@code CA} or {@code C/A} in the files
 * @param unit remote unit
 * @param scp subunit channel position: the turnstile within the booth
 * @param date local (New York) date of the reading
 * @param time local time of the reading
 * @param desc {@code REGULAR}, {@code RECOVR AUD}, ...
 */
public record TurnstileReading(
    String ca,
    String unit,
    String scp,
    String station,
    String linename,
    String division,
    LocalDate date,
    LocalTime time,
    String desc,
    long entries,
    long exits) {

  public TurnstileReading {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(scp, "scp");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(time, "time");
  }

  public TurnstileId turnstile() {
    return new TurnstileId(ca, unit, scp);
  }

  public LocalDateTime at() {
    return LocalDateTime.of(date, time);
  }
}
