package dev.platform.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnstileWeeksTest {
  @Test
  void saturdaysBetweenTwoDatesBothIncluded() {
    assertEquals(
        List.of(
            LocalDate.of(2024, 1, 6),
            LocalDate.of(2024, 1, 13),
            LocalDate.of(2024, 1, 20),
            LocalDate.of(2024, 1, 27),
            LocalDate.of(2024, 2, 3),
            LocalDate.of(2024, 2, 10)),
        TurnstileWeeks.saturdays(LocalDate.of(2024, 1, 6), LocalDate.of(2024, 2, 10)));
  }

  @Test
  void aFromThatIsNoSaturdayStartsAtTheNextOne() {
    assertEquals(
        List.of(LocalDate.of(2024, 1, 13)),
        TurnstileWeeks.saturdays(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 19)));
    assertEquals(
        List.of(), TurnstileWeeks.saturdays(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 12)));
  }

  @Test
  void theLatestCompleteWeekIsTheLastSaturdayInNewYork() {
    // Saturday 2024-01-13 03:00 UTC is still Friday evening in New York
    assertEquals(
        LocalDate.of(2024, 1, 6),
        TurnstileWeeks.latestComplete(Instant.parse("2024-01-13T03:00:00Z")));
    assertEquals(
        LocalDate.of(2024, 1, 13),
        TurnstileWeeks.latestComplete(Instant.parse("2024-01-13T15:00:00Z")));
    assertEquals(
        LocalDate.of(2024, 1, 13),
        TurnstileWeeks.latestComplete(Instant.parse("2024-01-17T12:00:00Z")));
  }
}
