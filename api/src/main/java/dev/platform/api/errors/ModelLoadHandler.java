package dev.platform.api.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 409 when a reload cannot load the new model; the previous one keeps serving. */
@Produces
@Singleton
@Requires(classes = {ModelLoadException.class, ExceptionHandler.class})
public class ModelLoadHandler
    implements ExceptionHandler<ModelLoadException, HttpResponse<ErrorResponse>> {
  @Override
  public HttpResponse<ErrorResponse> handle(HttpRequest request, ModelLoadException exception) {
    return Handlers.respond(HttpStatus.CONFLICT, exception.getMessage());
  }
}
