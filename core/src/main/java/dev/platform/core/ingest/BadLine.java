package dev.platform.core.ingest;

/**
 * A line of a source file that is not a reading.
 *
 * @param line 1-based line number in the source file (the header is line 1)
 * @param reason which field is wrong and why
 */
public record BadLine(long line, String reason) {
  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
