package dev.platform.core.ingest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The weeks of the MTA files: each file is named after the Saturday its week ends on, in New York
 * time.
 */
public final class TurnstileWeeks {
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private TurnstileWeeks() {}

  /**
   * The Saturdays from {@code from} to {@code to}, both included; a {@code from} that is no
   * Saturday starts at the next one.
   */
  public static List<LocalDate> saturdays(LocalDate from, LocalDate to) {
    List<LocalDate> saturdays = new ArrayList<>();
    for (LocalDate day = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        !day.isAfter(to);
        day = day.plusWeeks(1)) {
      saturdays.add(day);
    }
    return saturdays;
  }

  /** The last week complete at {@code now}: the Saturday on or before today in New York. */
  public static LocalDate latestComplete(Instant now) {
    return LocalDate.ofInstant(now, NEW_YORK)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
  }

  /** Fails unless {@code day} is a Saturday. */
  public static LocalDate requireSaturday(LocalDate day) {
    if (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
      throw new IllegalArgumentException(
          "weekly files are named after a Saturday; " + day + " is a " + day.getDayOfWeek());
    }
    return day;
  }
}
