package dev.platform.api.errors;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Writes every {@link ApiException} as its status and an {@link ErrorResponse}. */
@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
public class ApiExceptionHandler
    implements ExceptionHandler<ApiException, HttpResponse<ErrorResponse>> {
  @Override
  public HttpResponse<ErrorResponse> handle(HttpRequest request, ApiException exception) {
    return HttpResponse.<ErrorResponse>status(exception.status())
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(new ErrorResponse(exception.getMessage(), exception.errors()));
  }
}
