package dev.platform.api.errors;

import io.micronaut.http.HttpStatus;

/** A refused admin call: 401 for a missing or wrong key, 403 when admin calls are disabled. */
public class AdminAccessException extends RuntimeException {
  private final HttpStatus status;

  public AdminAccessException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
