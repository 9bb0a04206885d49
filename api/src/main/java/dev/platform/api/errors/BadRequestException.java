package dev.platform.api.errors;

/** A request that cannot be served as sent (malformed body, wrong shape, limits); answered 400. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
