package dev.platform.core.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One declared column list drives the header, writing and reading. */
class CsvLayoutTest {
  record Visit(String name, LocalDate day, long count) {}

  static final CsvLayout<Visit> LAYOUT = new CsvLayout<>();
  static final CsvColumn<Visit, String> NAME = LAYOUT.text("NAME", Visit::name);
  static final CsvColumn<Visit, LocalDate> DAY =
      LAYOUT.add("DAY", Visit::day, CsvValue.date("MM-dd-yy"));
  static final CsvColumn<Visit, Long> COUNT =
      LAYOUT.add("COUNT", Visit::count, CsvValue.WHOLE_NUMBER);

  static Visit read(CsvRow row) {
    return new Visit(row.get(NAME), row.get(DAY), row.get(COUNT));
  }

  @Test
  void theHeaderAndLinesFollowTheDeclaredOrder() {
    Visit visit = new Visit("59 ST, north", LocalDate.of(2024, 1, 6), 12);
    assertEquals(List.of("NAME", "DAY", "COUNT"), LAYOUT.names());
    assertEquals("NAME,DAY,COUNT", LAYOUT.header());
    assertEquals("\"59 ST, north\",01-06-24,12", LAYOUT.format(visit));
    assertEquals(visit, LAYOUT.read(LAYOUT.format(visit), CsvLayoutTest::read));
  }

  @Test
  void aBadLineNamesTheColumnAndTheReason() {
    assertProblem("expected 3 fields, found 2", "a,01-06-24");
    assertProblem("DAY: not MM-dd-yy: '2024-01-06'", "a,2024-01-06,1");
    assertProblem("COUNT: not a whole number: 'twelve'", "a,01-06-24,twelve");
    assertProblem("not a CSV line: ", "a,\"01-06-24\"x,1");
  }

  @Test
  void aHeaderGivesThePositionsOfTheColumnsOrSaysWhichAreMissing() {
    int[] positions = LAYOUT.positionsIn(List.of("", "count", "name", "day"), String::toUpperCase);
    assertArrayEquals(new int[] {2, 3, 1}, positions);
    assertEquals(
        new Visit("b", LocalDate.of(2024, 1, 6), 3),
        LAYOUT.read("7,3,b,01-06-24", positions, 4, CsvLayoutTest::read));
    CsvRecordException missing =
        assertThrows(
            CsvRecordException.class, () -> LAYOUT.positionsIn(List.of("NAME"), name -> name));
    assertEquals("missing DAY, COUNT", missing.getMessage());
  }

  private static void assertProblem(String expectedStart, String line) {
    CsvRecordException e =
        assertThrows(CsvRecordException.class, () -> LAYOUT.read(line, CsvLayoutTest::read));
    assertEquals(
        expectedStart, e.getMessage().substring(0, expectedStart.length()), e.getMessage());
  }
}
