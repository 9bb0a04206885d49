package dev.platform.api.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One problem with a request.
 *
 * @param index position of the record in the request list; null for request-level problems
 * @param field the field's name, {@code "*"} for a whole record, null for request-level problems
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(@Nullable Integer index, @Nullable String field, String message) {

  public static ApiError ofRequest(String message) {
    return new ApiError(null, null, message);
  }

  public static ApiError ofRecord(int index, String message) {
    return new ApiError(index, "*", message);
  }

  public static ApiError ofField(int index, String field, String message) {
    return new ApiError(index, field, message);
  }
}
