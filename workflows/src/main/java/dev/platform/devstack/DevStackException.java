package dev.platform.devstack;

/** A component could not be started; the message says why and shows the end of its log. */
public final class DevStackException extends IllegalStateException {
  public DevStackException(String message) {
    super(message);
  }
}
