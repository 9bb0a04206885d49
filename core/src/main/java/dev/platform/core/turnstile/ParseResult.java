package dev.platform.core.turnstile;

import java.util.Optional;

/**
 * A parsed line: the value, or why the line is not one.
 *
 * @param <T> what the line holds
 */
public record ParseResult<T>(Optional<T> value, String problem) {
  public static <T> ParseResult<T> ok(T value) {
    return new ParseResult<>(Optional.of(value), "");
  }

  public static <T> ParseResult<T> bad(String problem) {
    return new ParseResult<>(Optional.empty(), problem);
  }

  public boolean isOk() {
    return value.isPresent();
  }

  public T get() {
    return value.orElseThrow(() -> new IllegalStateException(problem));
  }
}
