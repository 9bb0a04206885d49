package dev.platform.api.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 401 or 403 for a refused admin call. */
@Produces
@Singleton
@Requires(classes = {AdminAccessException.class, ExceptionHandler.class})
public class AdminAccessHandler
    implements ExceptionHandler<AdminAccessException, HttpResponse<ErrorResponse>> {
  @Override
  public HttpResponse<ErrorResponse> handle(HttpRequest request, AdminAccessException exception) {
    return Handlers.respond(exception.status(), exception.getMessage());
  }
}
