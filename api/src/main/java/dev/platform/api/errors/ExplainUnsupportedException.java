package dev.platform.api.errors;

/** Explanations were asked of a model that cannot give per-feature contributions; answered 400. */
public class ExplainUnsupportedException extends RuntimeException {
  public ExplainUnsupportedException(String message) {
    super(message);
  }
}
