package dev.platform.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.source.Sources;
import dev.platform.ml.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartCsvReaderTest {
  private static final String FIXTURE = TestData.fixture("bad_rows.csv").toString();

  @Test
  void reportsEachBadRowWithLineColumnAndReasonAndReadsTheRest() {
    HeartDataset dataset = HeartDataset.load(FIXTURE, 0.5);

    List<String> problems = dataset.problems().stream().map(RowProblem::toString).toList();
    assertEquals(
        List.of(
            "line 4, column BMI: 'abc' is not a number",
            "line 6, column HeartDisease: 'Maybe' is not Yes or No",
            "line 7, column Race: 'Martian' is not one of [American Indian/Alaskan Native, Asian,"
                + " Black, Hispanic, Other, White]",
            "line 9, column MentalHealth: must be between 0 and 30, got 45",
            "line 12, column *: expected 18 columns, got 4"),
        problems);
    HeartDataset.Summary summary = dataset.summary();
    assertEquals(13, summary.rowsRead());
    assertEquals(5, summary.rowsSkipped());
    assertEquals(1, summary.duplicatesRemoved(), "line 14 repeats line 8");
    assertEquals(7, dataset.records().size());
  }

  @Test
  void parsesQuotedCategoriesAndFillsMissingNumbersWithZero() {
    HeartDataset dataset = HeartDataset.load(FIXTURE, 0.5);
    LabeledRecord borderline = byLine(dataset, 5);
    assertEquals(
        "No, borderline diabetes",
        HeartSchema.field("diabetic").formatValue(borderline.features().value("diabetic")));

    LabeledRecord missing = byLine(dataset, 13);
    assertEquals(1, missing.label());
    assertEquals(0, missing.features().value("bmi"));
    assertEquals(0, missing.features().value("physicalhealth"));
    assertEquals(0, missing.features().value("sleeptime"));
    assertEquals(1, missing.features().value("smoking"));
  }

  @Test
  void rejectsTheFileWhenMoreThanOnePercentOfRowsAreBad() {
    DataValidationException error =
        assertThrows(DataValidationException.class, () -> HeartDataset.load(FIXTURE));
    assertTrue(error.getMessage().contains("5 of 13 rows are bad"), error.getMessage());
  }

  @Test
  void rejectsAFileWithoutTheRequiredColumns(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("short.csv");
    Files.writeString(file, "HeartDisease,BMI\nNo,20\n");
    DataValidationException error =
        assertThrows(DataValidationException.class, () -> HeartDataset.load(file.toString()));
    assertTrue(error.getMessage().contains("missing columns [Smoking"), error.getMessage());
  }

  @Test
  void readsGzipThroughAFileUrlAndChecksumsTheRawBytes(@TempDir Path dir) throws IOException {
    Path sample = TestData.devSample(dir, 200);
    List<ParsedRow> rows = new ArrayList<>();
    HeartCsvReader.FileInfo info = HeartCsvReader.read(sample.toUri().toString(), true, rows::add);
    assertEquals(200, rows.size());
    assertEquals(200, info.rows());
    assertTrue(info.hasTarget());
    assertEquals(Sources.sha256(sample.toString()), info.sha256());
    assertFalse(rows.stream().anyMatch(row -> !row.valid()));
  }

  @Test
  void scoringReadKeepsEveryRowInOrderWithoutTheTarget(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("no_target.csv");
    List<String> lines = Files.readAllLines(TestData.fixture("bad_rows.csv"));
    List<String> withoutTarget =
        lines.stream().map(line -> line.substring(line.indexOf(',') + 1)).toList();
    Files.write(file, withoutTarget);
    List<ParsedRow> rows = new ArrayList<>();
    HeartCsvReader.FileInfo info = HeartCsvReader.read(file.toString(), false, rows::add);
    assertFalse(info.hasTarget());
    assertEquals(13, rows.size());
    assertEquals(List.of(2L, 3L, 4L), rows.stream().limit(3).map(ParsedRow::line).toList());
    assertEquals(-1, rows.get(0).label());
  }

  private static LabeledRecord byLine(HeartDataset dataset, long line) {
    return dataset.records().stream().filter(r -> r.line() == line).findFirst().orElseThrow();
  }
}
