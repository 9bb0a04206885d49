package dev.platform.api.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 503 while no model is loaded: the one 5xx a client can cause, and only by timing. */
@Produces
@Singleton
@Requires(classes = {ModelUnavailableException.class, ExceptionHandler.class})
public class ModelUnavailableHandler
    implements ExceptionHandler<ModelUnavailableException, HttpResponse<ErrorResponse>> {
  @Override
  public HttpResponse<ErrorResponse> handle(
      HttpRequest request, ModelUnavailableException exception) {
    return Handlers.respond(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
  }
}
