package dev.platform.core.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The columns of one CSV record format, declared once, in order: the header, writing and reading
 * all follow this list. A record type declares its layout and columns as constants:
 *
 * <pre>
 * static final CsvLayout&lt;Visit&gt; LAYOUT = new CsvLayout&lt;&gt;();
 * static final CsvColumn&lt;Visit, String&gt; NAME = LAYOUT.text("NAME", Visit::name);
 * static final CsvColumn&lt;Visit, Long&gt; COUNT = LAYOUT.add("COUNT", Visit::count, CsvValue.WHOLE_NUMBER);
 *
 * Visit read(CsvRow row) { return new Visit(row.get(NAME), row.get(COUNT)); }
 * </pre>
 *
 * @param <T> the record
 */
public final class CsvLayout<T> {
  private final List<CsvColumn<T, ?>> columns = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  /** Adds a column after the others. */
  public synchronized <V> CsvColumn<T, V> add(
      String name, Function<T, V> getter, CsvValue<V> value) {
    CsvColumn<T, V> column = new CsvColumn<>(columns.size(), name, getter, value);
    columns.add(column);
    names.add(name);
    return column;
  }

  /** Adds a text column after the others. */
  public CsvColumn<T, String> text(String name, Function<T, String> getter) {
    return add(name, getter, CsvValue.TEXT);
  }

  /** The column names in order. */
  public List<String> names() {
    return Collections.unmodifiableList(names);
  }

  /** The header line (no line break). */
  public String header() {
    return Csv.line(names);
  }

  /** The record as one line (no line break). */
  public String format(T record) {
    return Csv.line(fields(record));
  }

  /** Writes the record as one line. */
  public void write(CsvWriter out, T record) {
    out.writeRecord(fields(record));
  }

  private List<String> fields(T record) {
    List<String> fields = new ArrayList<>(columns.size());
    for (CsvColumn<T, ?> column : columns) {
      fields.add(column.format(record));
    }
    return fields;
  }

  /**
   * Reads a line holding exactly the layout's columns, in order.
   *
   * @param read builds the record from the row; it may throw {@link CsvRecordException} for a
   *     record that breaks a rule of its own
   * @throws CsvRecordException naming the column and the reason when the line is not a record
   */
  public T read(String line, Function<CsvRow, T> read) {
    return read(line, null, columns.size(), read);
  }

  /**
   * Reads a line of a file whose header put the columns at {@code positions} (from {@link
   * #positionsIn}) among {@code width} fields.
   */
  public T read(String line, int[] positions, int width, Function<CsvRow, T> read) {
    List<String> fields;
    try {
      fields = Csv.fields(line);
    } catch (CsvParseException e) {
      throw new CsvRecordException("not a CSV line: " + e.getMessage());
    }
    if (fields.size() != width) {
      throw new CsvRecordException("expected " + width + " fields, found " + fields.size());
    }
    return read.apply(new CsvRow(fields, positions));
  }

  /**
   * Where each column is among a header's names, after {@code normalize} (which maps a file's
   * spelling of a name to the layout's); names of no column are left out.
   *
   * @throws CsvRecordException listing the columns the header lacks
   */
  public int[] positionsIn(List<String> header, UnaryOperator<String> normalize) {
    int[] positions = new int[columns.size()];
    java.util.Arrays.fill(positions, -1);
    for (int i = 0; i < header.size(); i++) {
      int column = names.indexOf(normalize.apply(header.get(i)));
      if (column >= 0 && positions[column] < 0) {
        positions[column] = i;
      }
    }
    List<String> missing = new ArrayList<>();
    for (int column = 0; column < positions.length; column++) {
      if (positions[column] < 0) {
        missing.add(names.get(column));
      }
    }
    if (!missing.isEmpty()) {
      throw new CsvRecordException("missing " + String.join(", ", missing));
    }
    return positions;
  }
}
