package dev.platform.core.turnstile;

/** A turnstile file or message that does not have the expected form at all. */
public class TurnstileFormatException extends RuntimeException {
  public TurnstileFormatException(String message) {
    super(message);
  }
}
