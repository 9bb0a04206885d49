package dev.platform.api.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 400 when explanations are asked of a model that has none. */
@Produces
@Singleton
@Requires(classes = {ExplainUnsupportedException.class, ExceptionHandler.class})
public class ExplainUnsupportedHandler
    implements ExceptionHandler<ExplainUnsupportedException, HttpResponse<ErrorResponse>> {
  @Override
  public HttpResponse<ErrorResponse> handle(
      HttpRequest request, ExplainUnsupportedException exception) {
    return Handlers.respond(HttpStatus.BAD_REQUEST, exception.getMessage());
  }
}
