package dev.platform.api.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 413 for a body above the configured size. */
@Produces
@Singleton
@Requires(classes = {PayloadTooLargeException.class, ExceptionHandler.class})
public class PayloadTooLargeHandler
    implements ExceptionHandler<PayloadTooLargeException, HttpResponse<ErrorResponse>> {
  @Override
  public HttpResponse<ErrorResponse> handle(
      HttpRequest request, PayloadTooLargeException exception) {
    return Handlers.respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, exception.getMessage());
  }
}
