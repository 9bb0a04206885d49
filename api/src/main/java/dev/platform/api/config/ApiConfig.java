package dev.platform.api.config;

import dev.platform.core.config.PlatformEnvironment;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code api.*} settings.
 *
 * @param modelDir a bundle folder; blank means the lake's current model
 * @param lake the lake: a folder, {@code file:} URL or {@code gs://bucket/prefix}; blank means
 *     {@code <platformHome>/lake}
 * @param adminKey the {@code X-API-Key} of the admin endpoints; blank disables them
 * @param maxBodyBytes largest accepted request body
 * @param maxRecords most records in one prediction request
 * @param maxErrors most validation problems listed in one answer
 * @param eventLoopMaxBodyBytes largest plain prediction body scored on the event loop; larger ones,
 *     and every request for explanations, are scored on the blocking pool
 */
@ConfigurationProperties("api")
public record ApiConfig(
    @Bindable(defaultValue = "dev") String version,
    @Nullable String modelDir,
    @Bindable(defaultValue = ".platform") String platformHome,
    @Nullable String lake,
    @Nullable String adminKey,
    @Bindable(defaultValue = "1048576") long maxBodyBytes,
    @Bindable(defaultValue = "10000") int maxRecords,
    @Bindable(defaultValue = "1000") int maxErrors,
    @Bindable(defaultValue = "16384") long eventLoopMaxBodyBytes) {

  public boolean hasModelDir() {
    return modelDir != null && !modelDir.isBlank();
  }

  /** The lake's URI, by the platform's one rule ({@link PlatformEnvironment#lakeUri()}). */
  public String lakeUri() {
    Map<String, String> env = new HashMap<>();
    env.put("PLATFORM_HOME", platformHome);
    if (lake != null) {
      env.put("PLATFORM_LAKE", lake);
    }
    return new PlatformEnvironment(env).lakeUri();
  }

  /** Local copies of lake objects that the API serves (model bundles). */
  public Path cacheDir() {
    return Path.of(platformHome).resolve("cache");
  }

  public boolean adminEnabled() {
    return adminKey != null && !adminKey.isBlank();
  }
}
