package dev.platform.core.csv;

import java.util.List;

/** The fields of one line, read through its layout's columns. */
public final class CsvRow {
  private final List<String> fields;
  private final int[] positions;

  CsvRow(List<String> fields, int[] positions) {
    this.fields = fields;
    this.positions = positions;
  }

  /**
   * The column's value.
   *
   * @throws CsvRecordException naming the column when its text is no such value
   */
  public <V> V get(CsvColumn<?, V> column) {
    return column.parse(text(column));
  }

  /** The column's text, stripped. */
  public String text(CsvColumn<?, ?> column) {
    return fields.get(positions == null ? column.index() : positions[column.index()]);
  }
}
