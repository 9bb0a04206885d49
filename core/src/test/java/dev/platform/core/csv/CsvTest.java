package dev.platform.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvTest {
  private static final List<String> COLUMNS = List.of("CA", "UNIT", "SCP");

  @Test
  void fieldsAreStrippedAndQuotesHoldCommasAndQuotes() {
    assertEquals(
        List.of("A002", "59 ST, \"1\"", "", "x"),
        Csv.fields("  A002 ,\"59 ST, \"\"1\"\"\",  ,x   "));
    assertEquals(List.of(""), Csv.fields(""));
    assertThrows(CsvParseException.class, () -> Csv.fields("a,\"b\"c"));
  }

  @Test
  void aLineQuotesOnlyWhatNeedsIt() {
    List<String> fields = List.of("A002", "59 ST, \"1\"", "2024-01-06 08:00:00", "");
    String line = Csv.line(fields);
    assertEquals("A002,\"59 ST, \"\"1\"\"\",2024-01-06 08:00:00,", line);
    assertEquals(fields, Csv.fields(line));
  }

  @Test
  void aHeaderIsCheckedFieldByField() {
    assertEquals(
        Optional.empty(), Csv.headerProblem(new StringReader("CA,UNIT,SCP\n1,2,3"), COLUMNS));
    assertEquals(
        Optional.empty(),
        Csv.headerProblem(new StringReader("\uFEFFCA , UNIT,SCP  \r\n"), COLUMNS));
    assertEquals(
        Optional.of("header is 'CA,UNIT', expected 'CA,UNIT,SCP'"),
        Csv.headerProblem(new StringReader("CA,UNIT\n"), COLUMNS));
    assertEquals(Optional.of("empty file"), Csv.headerProblem(new StringReader(""), COLUMNS));
  }
}
