package dev.platform.ml.data;

import java.util.List;

/**
 * One data row of an input file as read: its line number, the record and label when valid, or the
 * problems found. {@code label} is -1 when the file has no target column.
 */
public record ParsedRow(long line, HeartRecord record, int label, List<RowProblem> problems) {
  public boolean valid() {
    return problems.isEmpty();
  }
}
