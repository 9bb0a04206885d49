package dev.platform.ml.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.platform.core.csv.Csv;
import dev.platform.core.source.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the rows of a heart-disease CSV file (header names matched case-insensitively, in any
 * order), validating every value. It never drops a row: each is handed on, valid or with its
 * problems, in file order.
 *
 * <p>One pass over the file: values in their usual spelling are recognised directly (numbers,
 * Yes/No, category levels); anything else goes through {@link FieldSpec#parseText}, which accepts
 * or rejects it with the reason.
 */
public final class HeartCsvReader {

  /** What the reader saw of the file as a whole. */
  public record FileInfo(String sha256, boolean hasTarget, long rows) {}

  private HeartCsvReader() {}

  /**
   * Reads every data row of {@code location} and hands it to {@code sink}.
   *
   * @param requireTarget fail when the {@code HeartDisease} column is absent
   * @throws DataValidationException if the file cannot be read or lacks a required column
   */
  public static FileInfo read(String location, boolean requireTarget, Consumer<ParsedRow> sink) {
    try (InputStream raw = Sources.openRaw(location);
        DigestInputStream digesting = Sources.digesting(raw);
        InputStream unpacked = Sources.unpacked(digesting);
        CsvReader<CsvRecord> records = Csv.records(unpacked)) {
      FileInfo partial = readRows(records.iterator(), requireTarget, sink);
      digesting.transferTo(OutputStream.nullOutputStream()); // hash any trailing bytes too
      return new FileInfo(
          Sources.hex(digesting.getMessageDigest()), partial.hasTarget(), partial.rows());
    } catch (IOException | UncheckedIOException | CsvParseException e) {
      throw new DataValidationException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private static FileInfo readRows(
      Iterator<CsvRecord> records, boolean requireTarget, Consumer<ParsedRow> sink) {
    if (!records.hasNext()) {
      throw new DataValidationException("the file is empty: no header line");
    }
    CsvRecord headerRecord = records.next();
    Map<String, Integer> header = headerPositions(headerRecord);
    int[] fieldColumns = new int[HeartSchema.FIELD_COUNT];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
      Integer position = header.get(HeartSchema.FIELDS.get(i).name());
      fieldColumns[i] = position == null ? -1 : position;
      if (position == null) {
        missing.add(HeartSchema.FIELDS.get(i).csvName());
      }
    }
    Integer targetColumn = header.get(HeartSchema.TARGET);
    if (targetColumn == null && requireTarget) {
      missing.add(0, HeartSchema.TARGET_CSV_NAME);
    }
    if (!missing.isEmpty()) {
      throw new DataValidationException(
          "missing columns " + missing + "; header has " + header.keySet());
    }
    int columns = headerRecord.getFieldCount();
    int target = targetColumn == null ? -1 : targetColumn;
    long rows = 0;
    long line = 1;
    while (records.hasNext()) {
      CsvRecord csv = records.next();
      line++;
      rows++;
      sink.accept(parse(line, csv, columns, fieldColumns, target));
    }
    return new FileInfo(null, targetColumn != null, rows);
  }

  private static Map<String, Integer> headerPositions(CsvRecord csv) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < csv.getFieldCount(); i++) {
      String name = csv.getField(i).toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      positions.putIfAbsent(name, i);
    }
    return positions;
  }

  private static ParsedRow parse(
      long line, CsvRecord csv, int columns, int[] fieldColumns, int targetColumn) {
    if (csv.getFieldCount() != columns) {
      return new ParsedRow(
          line,
          null,
          -1,
          List.of(
              new RowProblem(
                  line, "*", "expected " + columns + " columns, got " + csv.getFieldCount())));
    }
    List<RowProblem> problems = null;
    double[] values = new double[HeartSchema.FIELD_COUNT];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = value(i, csv.getField(fieldColumns[i]));
      } catch (InvalidValueException e) {
        problems = problems == null ? new ArrayList<>(2) : problems;
        problems.add(new RowProblem(line, HeartSchema.FIELDS.get(i).csvName(), e.getMessage()));
      }
    }
    int label = -1;
    if (targetColumn >= 0) {
      String target = csv.getField(targetColumn);
      if (isYes(target)) {
        label = 1;
      } else if (isNo(target)) {
        label = 0;
      } else {
        problems = problems == null ? new ArrayList<>(1) : problems;
        problems.add(
            new RowProblem(line, HeartSchema.TARGET_CSV_NAME, "'" + target + "' is not Yes or No"));
      }
    }
    if (problems != null) {
      return new ParsedRow(line, null, label, List.copyOf(problems));
    }
    return new ParsedRow(line, new HeartRecord(values), label, List.of());
  }

  /** The value of field {@code i}: its usual spellings directly, else via parseText. */
  private static double value(int i, String text) {
    FieldSpec field = HeartSchema.FIELDS.get(i);
    switch (field.kind()) {
      case NUMBER -> {
        if (text.isEmpty()) {
          return 0;
        }
        double number = Decimals.parse(text);
        if (!Double.isNaN(number)) {
          return field.checkNumber(number);
        }
      }
      case YES_NO -> {
        if (text.isEmpty()) {
          return 0;
        }
        if (isYes(text)) {
          return 1;
        }
        if (isNo(text)) {
          return 0;
        }
      }
      case CATEGORY -> {
        int level = field.levels().indexOf(text);
        if (level >= 0) {
          return level;
        }
      }
    }
    return field.parseText(text);
  }

  private static boolean isYes(String text) {
    return text.equalsIgnoreCase("Yes") || text.equals("1");
  }

  private static boolean isNo(String text) {
    return text.equalsIgnoreCase("No") || text.equals("0");
  }
}
