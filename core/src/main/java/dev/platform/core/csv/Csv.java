package dev.platform.core.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.FieldModifiers;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The platform's one way to read and write CSV (FastCSV, RFC 4180: comma, double quotes, {@code ""}
 * for a quote). Fields are read stripped of surrounding spaces (the MTA pads its lines), empty
 * lines are skipped, and a record may have any number of fields: the caller checks the count and
 * says what is wrong. Written fields are quoted only where needed; lines end in LF.
 */
public final class Csv {
  private static final CsvReader.CsvReaderBuilder READER =
      CsvReader.builder()
          .skipEmptyLines(true)
          .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
          .missingFieldStrategy(FieldMismatchStrategy.IGNORE);

  private static final ThreadLocal<LineWriter> LINES = ThreadLocal.withInitial(LineWriter::new);

  private Csv() {}

  /** The records of a text, each field stripped. Close the reader. */
  public static CsvReader<CsvRecord> records(Reader text) {
    return READER.build(strippedFields(), text);
  }

  /** The records of UTF-8 bytes, each field stripped. Close the reader. */
  public static CsvReader<CsvRecord> records(InputStream utf8) {
    return READER.build(strippedFields(), utf8, StandardCharsets.UTF_8);
  }

  /**
   * The stripped fields of one line.
   *
   * @throws CsvParseException when the line is not CSV (a quote left open, text after a closing
   *     quote)
   */
  public static List<String> fields(String line) {
    if (line.isEmpty()) {
      return List.of("");
    }
    return READER.ofSingleCsvRecord(strippedFields(), line).getFields();
  }

  /** A writer of records to {@code out}, LF after each; closing it closes {@code out}. */
  public static CsvWriter writer(Writer out) {
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
  }

  /** The fields as one CSV line, quoted where needed, without a line break. */
  public static String line(List<String> fields) {
    return LINES.get().line(fields);
  }

  /**
   * Why the first record of {@code text} is not exactly the {@code expected} column names (after a
   * byte order mark and the spaces around each name), or empty when it is.
   */
  public static Optional<String> headerProblem(Reader text, List<String> expected) {
    try (CsvReader<CsvRecord> records = records(text)) {
      Iterator<CsvRecord> first = records.iterator();
      if (!first.hasNext()) {
        return Optional.of("empty file");
      }
      List<String> names = first.next().getFields();
      if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
        names = new java.util.ArrayList<>(names);
        names.set(0, names.get(0).substring(1).strip());
      }
      if (names.equals(expected)) {
        return Optional.empty();
      }
      return Optional.of(
          "header is '"
              + String.join(",", names)
              + "', expected '"
              + String.join(",", expected)
              + "'");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CsvRecordHandler strippedFields() {
    return CsvRecordHandler.of(handler -> handler.fieldModifier(FieldModifiers.STRIP));
  }

  /** One thread's writer of single lines: a CSV writer without a buffer over a reused text. */
  private static final class LineWriter {
    private final StringWriter text = new StringWriter(128);
    private final CsvWriter csv =
        CsvWriter.builder().bufferSize(0).lineDelimiter(LineDelimiter.LF).build(text);

    String line(List<String> fields) {
      StringBuffer buffer = text.getBuffer();
      buffer.setLength(0);
      csv.writeRecord(fields);
      return buffer.substring(0, buffer.length() - 1);
    }
  }
}
