package dev.platform.ml.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.platform.core.csv.Csv;
import dev.platform.ml.TestData;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader recognises the usual spellings of values directly; it must read exactly what {@link
 * FieldSpec#parseText} on every cell reads: same values, labels and problems, row by row.
 */
class UsualSpellingsTest {

  @Test
  void readsTheDevDataExactlyAsParseText(@TempDir Path dir) throws IOException {
    Path sample = dir.resolve("sample.csv");
    Files.write(sample, TestData.devLines(20_000), StandardCharsets.UTF_8);
    assertSameRows(Files.readString(sample), sample);
  }

  @Test
  void readsUnusualSpellingsAndLineEndsAsBefore(@TempDir Path dir) throws IOException {
    String header =
        "HeartDisease,BMI,Smoking,AlcoholDrinking,Stroke,PhysicalHealth,MentalHealth,DiffWalking,"
            + "Sex,AgeCategory,Race,Diabetic,PhysicalActivity,GenHealth,SleepTime,Asthma,"
            + "KidneyDisease,SkinCancer";
    String text =
        header
            + "\r\n"
            + "yes, 16.60 ,YES,no,1,3.0,30,No,Female,55-59,White,Yes,Yes,Very good,5,Yes,No,Yes\r\n"
            + "\r\n"
            + "No,+20.5,No,No,0,.5,007,No,male,80 or older,\"Black\",\"No, borderline diabetes\","
            + "Yes,Good,8,No,No,No\n"
            + "No,1e1,No,No,No,0,0,No,Male,60-64,White,No,Yes,Poor,24.0,No,No,No\r"
            + "0,28.123456789012345678,No,No,No,0,0,No,Male,60-64,\"Wh\"\"ite\",No,Yes,Poor,7,No,"
            + "No,No\n"
            + "Maybe,,Perhaps,No,No,-1,31,No,Alien,60-64,White,No,Yes,Poor,7,No,No,No\n"
            + "No,20,No\n"
            + "No,NaN,No,No,No,0,0,No,Male,60-64,White,No,Yes,poor,7,No,No,No";
    Path file = dir.resolve("unusual.csv");
    Files.writeString(file, text);
    List<ParsedRow> rows = assertSameRows(text, file);
    assertEquals(7, rows.size());
    assertEquals(1, rows.get(0).label());
    assertEquals(16.6, rows.get(0).record().value("bmi"));
  }

  private static List<ParsedRow> assertSameRows(String text, Path file) throws IOException {
    List<ParsedRow> expected = referenceRead(new StringReader(text));
    List<ParsedRow> actual = new ArrayList<>();
    HeartCsvReader.read(file.toString(), true, actual::add);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      ParsedRow want = expected.get(i);
      ParsedRow got = actual.get(i);
      assertEquals(want.line(), got.line());
      assertEquals(want.problems(), got.problems(), "line " + want.line());
      assertEquals(want.label(), got.label(), "line " + want.line());
      if (want.record() != null) {
        assertArrayEquals(want.record().values(), got.record().values(), "line " + want.line());
      }
    }
    return actual;
  }

  /** The plain reader: every cell through FieldSpec.parseText. */
  private static List<ParsedRow> referenceRead(Reader reader) throws IOException {
    List<ParsedRow> rows = new ArrayList<>();
    Iterator<CsvRecord> records = Csv.records(reader).iterator();
    CsvRecord headerRecord = records.next();
    Map<String, Integer> header = new HashMap<>();
    for (int i = 0; i < headerRecord.getFieldCount(); i++) {
      header.putIfAbsent(headerRecord.getField(i).toLowerCase(Locale.ROOT), i);
    }
    int target = header.get(HeartSchema.TARGET);
    long line = 1;
    while (records.hasNext()) {
      CsvRecord csv = records.next();
      line++;
      if (csv.getFieldCount() != header.size()) {
        rows.add(
            new ParsedRow(
                line,
                null,
                -1,
                List.of(
                    new RowProblem(
                        line,
                        "*",
                        "expected " + header.size() + " columns, got " + csv.getFieldCount()))));
        continue;
      }
      List<RowProblem> problems = new ArrayList<>();
      double[] values = new double[HeartSchema.FIELD_COUNT];
      for (int i = 0; i < values.length; i++) {
        FieldSpec field = HeartSchema.FIELDS.get(i);
        try {
          values[i] = field.parseText(csv.getField(header.get(field.name())));
        } catch (InvalidValueException e) {
          problems.add(new RowProblem(line, field.csvName(), e.getMessage()));
        }
      }
      String label = csv.getField(target);
      int value = -1;
      if (label.equalsIgnoreCase("Yes") || label.equals("1")) {
        value = 1;
      } else if (label.equalsIgnoreCase("No") || label.equals("0")) {
        value = 0;
      } else {
        problems.add(
            new RowProblem(line, HeartSchema.TARGET_CSV_NAME, "'" + label + "' is not Yes or No"));
      }
      rows.add(
          problems.isEmpty()
              ? new ParsedRow(line, new HeartRecord(values), value, List.of())
              : new ParsedRow(line, null, value, List.copyOf(problems)));
    }
    return rows;
  }
}
