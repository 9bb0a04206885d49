package dev.platform.ml.data;

import dev.platform.core.source.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a heart-disease CSV file (header names matched case-insensitively, in any
 * order), validating every value. It never drops a row: each is handed on, valid or with its
 * problems, in file order.
 */
public final class HeartCsvReader {

  /** What the reader saw of the file as a whole. */
  public record FileInfo(String sha256, boolean hasTarget, long rows) {}

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

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
        Reader reader =
            new InputStreamReader(Sources.unpacked(digesting), StandardCharsets.UTF_8)) {
      FileInfo partial = readRows(reader, requireTarget, sink);
      digesting.transferTo(OutputStream.nullOutputStream()); // hash any trailing bytes too
      return new FileInfo(
          Sources.hex(digesting.getMessageDigest()), partial.hasTarget(), partial.rows());
    } catch (IOException | UncheckedIOException e) {
      throw new DataValidationException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private static FileInfo readRows(Reader reader, boolean requireTarget, Consumer<ParsedRow> sink)
      throws IOException {
    CSVParser parser = CSVParser.parse(reader, FORMAT);
    Iterator<CSVRecord> records = parser.iterator();
    if (!records.hasNext()) {
      throw new DataValidationException("the file is empty: no header line");
    }
    Map<String, Integer> header = headerPositions(records.next());
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
    long rows = 0;
    long line = 1;
    while (records.hasNext()) {
      CSVRecord csv = records.next();
      line++;
      rows++;
      sink.accept(parse(line, csv, header.size(), fieldColumns, targetColumn));
    }
    return new FileInfo(null, targetColumn != null, rows);
  }

  private static Map<String, Integer> headerPositions(CSVRecord headerRecord) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < headerRecord.size(); i++) {
      String name = headerRecord.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      positions.putIfAbsent(name, i);
    }
    return positions;
  }

  private static ParsedRow parse(
      long line, CSVRecord csv, int columns, int[] fieldColumns, Integer targetColumn) {
    if (csv.size() != columns) {
      return new ParsedRow(
          line,
          null,
          -1,
          List.of(
              new RowProblem(line, "*", "expected " + columns + " columns, got " + csv.size())));
    }
    List<RowProblem> problems = new ArrayList<>(0);
    double[] values = new double[HeartSchema.FIELD_COUNT];
    for (int i = 0; i < values.length; i++) {
      FieldSpec field = HeartSchema.FIELDS.get(i);
      try {
        values[i] = field.parseText(csv.get(fieldColumns[i]));
      } catch (InvalidValueException e) {
        problems.add(new RowProblem(line, field.csvName(), e.getMessage()));
      }
    }
    int label = -1;
    if (targetColumn != null) {
      String target = csv.get(targetColumn).strip();
      if (target.equalsIgnoreCase("Yes") || target.equals("1")) {
        label = 1;
      } else if (target.equalsIgnoreCase("No") || target.equals("0")) {
        label = 0;
      } else {
        problems.add(
            new RowProblem(line, HeartSchema.TARGET_CSV_NAME, "'" + target + "' is not Yes or No"));
      }
    }
    if (!problems.isEmpty()) {
      return new ParsedRow(line, null, label, List.copyOf(problems));
    }
    return new ParsedRow(line, new HeartRecord(values), label, List.of());
  }
}
