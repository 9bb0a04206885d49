package dev.platform.ml.data;

/** The input as a whole cannot be used: unreadable, columns missing, or too many bad rows. */
public class DataValidationException extends RuntimeException {
  public DataValidationException(String message) {
    super(message);
  }

  public DataValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
