package dev.platform.ml.data;

import dev.platform.core.source.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the rows of a heart-disease CSV file (header names matched case-insensitively, in any
 * order), validating every value. It never drops a row: each is handed on, valid or with its
 * problems, in file order.
 *
 * <p>One pass over the bytes, no object per cell: values in their usual spelling are recognised in
 * place (numbers, Yes/No, category levels); anything else goes through {@link FieldSpec#parseText},
 * which accepts or rejects it with the reason.
 */
public final class HeartCsvReader {

  /** What the reader saw of the file as a whole. */
  public record FileInfo(String sha256, boolean hasTarget, long rows) {}

  private static final byte[] YES = bytes("Yes");
  private static final byte[] NO = bytes("No");
  private static final byte[] ONE = bytes("1");
  private static final byte[] ZERO = bytes("0");
  private static final byte[][][] LEVELS = new byte[HeartSchema.FIELD_COUNT][][];

  static {
    for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
      LEVELS[i] =
          HeartSchema.FIELDS.get(i).levels().stream()
              .map(HeartCsvReader::bytes)
              .toArray(byte[][]::new);
    }
  }

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
        InputStream unpacked = Sources.unpacked(digesting)) {
      FileInfo partial = readRows(new CsvRecords(unpacked), requireTarget, sink);
      digesting.transferTo(OutputStream.nullOutputStream()); // hash any trailing bytes too
      return new FileInfo(
          Sources.hex(digesting.getMessageDigest()), partial.hasTarget(), partial.rows());
    } catch (IOException | UncheckedIOException e) {
      throw new DataValidationException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private static FileInfo readRows(CsvRecords csv, boolean requireTarget, Consumer<ParsedRow> sink)
      throws IOException {
    if (!csv.next()) {
      throw new DataValidationException("the file is empty: no header line");
    }
    Map<String, Integer> header = headerPositions(csv);
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
    int columns = csv.fieldCount();
    int target = targetColumn == null ? -1 : targetColumn;
    long rows = 0;
    long line = 1;
    while (csv.next()) {
      line++;
      rows++;
      sink.accept(parse(line, csv, columns, fieldColumns, target));
    }
    return new FileInfo(null, targetColumn != null, rows);
  }

  private static Map<String, Integer> headerPositions(CsvRecords csv) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < csv.fieldCount(); i++) {
      String name = csv.text(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      positions.putIfAbsent(name, i);
    }
    return positions;
  }

  private static ParsedRow parse(
      long line, CsvRecords csv, int columns, int[] fieldColumns, int targetColumn) {
    if (csv.fieldCount() != columns) {
      return new ParsedRow(
          line,
          null,
          -1,
          List.of(
              new RowProblem(
                  line, "*", "expected " + columns + " columns, got " + csv.fieldCount())));
    }
    List<RowProblem> problems = null;
    double[] values = new double[HeartSchema.FIELD_COUNT];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = value(i, csv, fieldColumns[i]);
      } catch (InvalidValueException e) {
        problems = problems == null ? new ArrayList<>(2) : problems;
        problems.add(new RowProblem(line, HeartSchema.FIELDS.get(i).csvName(), e.getMessage()));
      }
    }
    int label = -1;
    if (targetColumn >= 0) {
      if (csv.is(targetColumn, YES, true) || csv.is(targetColumn, ONE, false)) {
        label = 1;
      } else if (csv.is(targetColumn, NO, true) || csv.is(targetColumn, ZERO, false)) {
        label = 0;
      } else {
        problems = problems == null ? new ArrayList<>(1) : problems;
        problems.add(
            new RowProblem(
                line,
                HeartSchema.TARGET_CSV_NAME,
                "'" + csv.text(targetColumn).strip() + "' is not Yes or No"));
      }
    }
    if (problems != null) {
      return new ParsedRow(line, null, label, List.copyOf(problems));
    }
    return new ParsedRow(line, new HeartRecord(values), label, List.of());
  }

  /** The value of field {@code i} in column {@code column}: fast in place, else via parseText. */
  private static double value(int i, CsvRecords csv, int column) {
    FieldSpec field = HeartSchema.FIELDS.get(i);
    switch (field.kind()) {
      case NUMBER -> {
        if (csv.isEmpty(column)) {
          return 0;
        }
        double number = Decimals.parse(csv.bytes(), csv.start(column), csv.end(column));
        if (!Double.isNaN(number)) {
          return field.checkNumber(number);
        }
      }
      case YES_NO -> {
        if (csv.isEmpty(column)) {
          return 0;
        }
        if (csv.is(column, YES, true) || csv.is(column, ONE, false)) {
          return 1;
        }
        if (csv.is(column, NO, true) || csv.is(column, ZERO, false)) {
          return 0;
        }
      }
      case CATEGORY -> {
        byte[][] levels = LEVELS[i];
        for (int level = 0; level < levels.length; level++) {
          if (csv.is(column, levels[level], false)) {
            return level;
          }
        }
      }
    }
    return field.parseText(csv.text(column));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
