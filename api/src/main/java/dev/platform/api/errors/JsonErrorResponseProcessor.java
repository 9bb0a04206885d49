package dev.platform.api.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Gives the framework's own errors (404, 405, 413, 415, unconvertible parameters, unexpected
 * failures) the same JSON shape as the API's, whatever the client accepts. Server failures keep
 * their details in the log, not in the answer.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class JsonErrorResponseProcessor implements ErrorResponseProcessor<ErrorResponse> {

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<ErrorResponse> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    String summary = summary(response.status());
    List<ApiError> errors =
        context.getErrors().stream().map(error -> ApiError.ofRequest(message(error))).toList();
    if (errors.isEmpty() || response.status().getCode() >= 500) {
      errors = List.of(ApiError.ofRequest(summary));
    }
    return ((MutableHttpResponse<ErrorResponse>) response)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(new ErrorResponse(errors.size() == 1 ? errors.get(0).message() : summary, errors));
  }

  private static String message(Error error) {
    return error.getPath().map(path -> path + ": " + error.getMessage()).orElse(error.getMessage());
  }

  private static String summary(HttpStatus status) {
    return status.getCode() + " " + status.getReason();
  }
}
