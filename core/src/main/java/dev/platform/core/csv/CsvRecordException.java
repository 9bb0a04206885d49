package dev.platform.core.csv;

/**
 * Why a CSV line is not a record of its layout: the message names the column and the reason. Bad
 * lines are counted, not debugged, so it carries no stack trace.
 */
public final class CsvRecordException extends RuntimeException {
  public CsvRecordException(String problem) {
    super(problem, null, false, false);
  }

  /** {@code text} in single quotes, cut to 60 characters. */
  public static String quote(String text) {
    return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 57) + "...'";
  }
}
