package dev.platform.api.errors;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds the JSON error answers shared by the exception handlers. */
final class Handlers {
  private Handlers() {}

  static MutableHttpResponse<ErrorResponse> respond(HttpStatus status, ErrorResponse body) {
    return HttpResponse.<ErrorResponse>status(status)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(body);
  }

  static MutableHttpResponse<ErrorResponse> respond(HttpStatus status, String message) {
    return respond(status, ErrorResponse.of(message));
  }
}
