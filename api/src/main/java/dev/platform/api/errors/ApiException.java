package dev.platform.api.errors;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * Every answer the API refuses, with its status, a summary and the problems behind it (at least
 * one). {@link ApiExceptionHandler} writes it as an {@link ErrorResponse}.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final transient List<ApiError> errors;

  public ApiException(HttpStatus status, String message, List<ApiError> errors, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errors = errors.isEmpty() ? List.of(ApiError.ofRequest(message)) : List.copyOf(errors);
  }

  public ApiException(HttpStatus status, String message) {
    this(status, message, List.of(), null);
  }

  /** 400: a request that cannot be served as sent (malformed body, wrong shape, limits). */
  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  /** 400: records that failed validation, every problem listed (up to the configured cap). */
  public static ApiException invalidRecords(String message, List<ApiError> errors) {
    return new ApiException(HttpStatus.BAD_REQUEST, message, errors, null);
  }

  /** 413: a body above {@code api.max-body-bytes}. */
  public static ApiException payloadTooLarge(String message) {
    return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, message);
  }

  /** 409: a model that could not be located or read; the serving one stays. */
  public static ApiException modelLoad(String message, Throwable cause) {
    return new ApiException(HttpStatus.CONFLICT, message, List.of(), cause);
  }

  /** 503: no model is loaded, so nothing can be scored. */
  public static ApiException modelUnavailable(String message) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message);
  }

  public HttpStatus status() {
    return status;
  }

  public List<ApiError> errors() {
    return errors;
  }
}
