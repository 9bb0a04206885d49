package dev.platform.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The {@code api.*} settings.
 *
 * @param modelDir a bundle folder; blank means the lake's current model under {@code platformHome}
 * @param adminKey the {@code X-API-Key} of the admin endpoints; blank disables them
 * @param maxBodyBytes largest accepted request body
 * @param maxRecords most records in one prediction request
 * @param maxErrors most validation problems listed in one answer
 */
@ConfigurationProperties("api")
public record ApiConfig(
    @Bindable(defaultValue = "dev") String version,
    @Nullable String modelDir,
    @Bindable(defaultValue = ".platform") String platformHome,
    @Nullable String adminKey,
    @Bindable(defaultValue = "1048576") long maxBodyBytes,
    @Bindable(defaultValue = "10000") int maxRecords,
    @Bindable(defaultValue = "1000") int maxErrors) {

  public boolean hasModelDir() {
    return modelDir != null && !modelDir.isBlank();
  }

  public boolean adminEnabled() {
    return adminKey != null && !adminKey.isBlank();
  }
}
