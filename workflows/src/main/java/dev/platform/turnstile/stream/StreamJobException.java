package dev.platform.turnstile.stream;

/** The stream job cannot be started as configured (missing jar, bad setting); not retried. */
public class StreamJobException extends RuntimeException {
  public StreamJobException(String message) {
    super(message);
  }

  public StreamJobException(String message, Throwable cause) {
    super(message, cause);
  }
}
