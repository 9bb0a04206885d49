package dev.platform.core.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The stream message and the window file: written and read through their one column list. */
class StreamCodecsTest {
  static final TurnstileMessage MESSAGE =
      new TurnstileMessage(
          "A002",
          "R051",
          "02-00-00",
          "59 ST",
          "NQR456W",
          "BMT",
          LocalDate.of(2024, 1, 6),
          LocalTime.of(8, 0),
          "REGULAR",
          12,
          7,
          "5b0c",
          LocalDateTime.of(2024, 1, 6, 8, 0));

  @Test
  void aMessageIsTheProducersLineAndReadsBack() {
    String line =
        "A002,R051,02-00-00,59 ST,NQR456W,BMT,01-06-24,08:00:00,REGULAR,12,7,5b0c,2024-01-06"
            + " 08:00:00";
    assertEquals(line, MESSAGE.format());
    assertEquals(MESSAGE, TurnstileMessage.parse(line).get());
    assertEquals(
        "CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS,ID,TIMESTAMP",
        String.join(",", TurnstileMessage.COLUMNS));
  }

  @Test
  void quotedValuesSurviveTheRoundTrip() {
    TurnstileMessage quoted =
        new TurnstileMessage(
            "A002",
            "R051",
            "02-00-00",
            "SOUTH FERRY, \"1\"",
            "1RW",
            "IRT",
            LocalDate.of(2024, 1, 6),
            LocalTime.of(23, 59, 59),
            "RECOVR AUD",
            0,
            1,
            "id,1",
            LocalDateTime.of(2024, 1, 6, 23, 59, 59));
    assertEquals(quoted, TurnstileMessage.parse(quoted.format()).get());
  }

  @Test
  void aBadMessageSaysWhichFieldIsWrong() {
    String good = MESSAGE.format();
    assertProblem("ENTRIES: not a whole number: 'twelve'", good.replace(",12,7,", ",twelve,7,"));
    assertProblem(
        "TIMESTAMP: not yyyy-MM-dd HH:mm:ss: 'yesterday'",
        good.replace("2024-01-06 08:00:00", "yesterday"));
    assertProblem("DATE: not MM-dd-yy: '2024-01-06'", good.replace("01-06-24", "2024-01-06"));
    assertProblem("ID must not be empty", good.replace(",5b0c,", ",,"));
    assertProblem("ENTRIES/EXITS: counts must not be negative", good.replace(",12,7,", ",-1,7,"));
    assertProblem("expected 13 fields, found 12", good.replace(",5b0c", ""));
    assertProblem("empty message", " ");
  }

  @Test
  void aWindowLineReadsBack() {
    StreamAggregate window =
        new StreamAggregate(
            "A002",
            "R051",
            "02-00-00",
            "59 ST",
            "NQR456W",
            "BMT",
            LocalDate.of(2024, 1, 6),
            "REGULAR",
            LocalDateTime.of(2024, 1, 6, 8, 0),
            LocalDateTime.of(2024, 1, 6, 8, 5),
            12,
            7);
    assertEquals(
        "CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,DESC,WINDOW_START,WINDOW_END,ENTRIES,EXITS",
        StreamAggregate.HEADER);
    assertEquals(
        "A002,R051,02-00-00,59 ST,NQR456W,BMT,2024-01-06,REGULAR,2024-01-06 08:00:00,"
            + "2024-01-06 08:05:00,12,7",
        window.format());
    assertEquals(window, StreamAggregate.parse(window.format()).get());
    ParseResult<StreamAggregate> bad =
        StreamAggregate.parse(window.format().replace(",12,", ",x,"));
    assertFalse(bad.isOk());
    assertEquals("ENTRIES: not a whole number: 'x'", bad.problem());
  }

  private static void assertProblem(String problem, String line) {
    ParseResult<TurnstileMessage> result = TurnstileMessage.parse(line);
    assertFalse(result.isOk(), line);
    assertEquals(problem, result.problem());
  }
}
