package dev.platform.api.errors;

/** No model is loaded, so nothing can be scored; answered 503. */
public class ModelUnavailableException extends RuntimeException {
  public ModelUnavailableException(String message) {
    super(message);
  }
}
