package dev.platform.api.lake;

import dev.platform.api.config.ApiConfig;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.Lakes;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The one lake the API reads: {@code api.lake} ({@code PLATFORM_LAKE}). */
@Factory
public class LakeFactory {
  @Singleton
  @Bean(preDestroy = "close")
  public Lake lake(ApiConfig config) {
    return Lakes.open(config.lakeUri());
  }
}
