package dev.platform.api.errors;

import java.util.List;

/** Records that failed validation, with every problem found (up to the configured cap). */
public class InvalidRecordsException extends RuntimeException {
  private final transient List<ApiError> errors;

  public InvalidRecordsException(String message, List<ApiError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public List<ApiError> errors() {
    return errors;
  }
}
