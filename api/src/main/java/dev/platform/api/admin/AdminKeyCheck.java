package dev.platform.api.admin;

import dev.platform.api.config.ApiConfig;
import dev.platform.api.errors.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the {@code X-API-Key} header of admin calls against {@code api.admin-key}. */
@Singleton
public class AdminKeyCheck {
  public static final String HEADER = "X-API-Key";

  private final byte[] expected;

  public AdminKeyCheck(ApiConfig config) {
    this.expected =
        config.adminEnabled() ? config.adminKey().getBytes(StandardCharsets.UTF_8) : null;
  }

  public void verify(@Nullable String presented) {
    if (expected == null) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "admin endpoints are disabled: api.admin-key is not set");
    }
    if (presented == null || presented.isEmpty()) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "missing " + HEADER + " header");
    }
    // constant-time, so the key cannot be guessed byte by byte from response times
    if (!MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "wrong " + HEADER);
    }
  }
}
