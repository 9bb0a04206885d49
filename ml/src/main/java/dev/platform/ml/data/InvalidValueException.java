package dev.platform.ml.data;

/** A value a field does not accept; the message says why, without the field name. */
public class InvalidValueException extends IllegalArgumentException {
  public InvalidValueException(String reason) {
    super(reason);
  }
}
