package dev.platform.turnstile.replay;

/** The week to replay is not in the lake. */
public class ReplaySourceMissingException extends RuntimeException {
  public ReplaySourceMissingException(String message) {
    super(message);
  }
}
