package dev.platform.api.errors;

/** A model that could not be located or read; a reload that fails is answered 409. */
public class ModelLoadException extends RuntimeException {
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  public ModelLoadException(String message) {
    super(message);
  }
}
