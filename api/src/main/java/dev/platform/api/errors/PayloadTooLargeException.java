package dev.platform.api.errors;

/** A body above {@code api.max-body-bytes}; answered 413. */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(String message) {
    super(message);
  }
}
