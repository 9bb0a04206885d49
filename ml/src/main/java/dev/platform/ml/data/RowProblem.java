package dev.platform.ml.data;

/**
 * Why one row of an input file was not used: its line number (header is line 1), column, reason.
 */
public record RowProblem(long line, String column, String reason) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + reason;
  }
}
