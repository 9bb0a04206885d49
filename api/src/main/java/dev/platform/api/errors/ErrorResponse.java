package dev.platform.api.errors;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of every 4xx/5xx answer: a summary and the problems, at least one. */
@Serdeable
public record ErrorResponse(String message, List<ApiError> errors) {

  public static ErrorResponse of(String message) {
    return new ErrorResponse(message, List.of(ApiError.ofRequest(message)));
  }
}
