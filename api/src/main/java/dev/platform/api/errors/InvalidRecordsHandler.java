package dev.platform.api.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 400 listing every invalid value of every record. */
@Produces
@Singleton
@Requires(classes = {InvalidRecordsException.class, ExceptionHandler.class})
public class InvalidRecordsHandler
    implements ExceptionHandler<InvalidRecordsException, HttpResponse<ErrorResponse>> {
  @Override
  public HttpResponse<ErrorResponse> handle(
      HttpRequest request, InvalidRecordsException exception) {
    return Handlers.respond(
        HttpStatus.BAD_REQUEST, new ErrorResponse(exception.getMessage(), exception.errors()));
  }
}
