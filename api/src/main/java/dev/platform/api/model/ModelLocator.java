package dev.platform.api.model;

import dev.platform.api.config.ApiConfig;
import dev.platform.api.errors.ApiException;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the serving bundle is: {@code api.model-dir} when set, else the lake's current model: the
 * version named by {@code heart/models/CURRENT} (read anew each time), copied from {@code
 * heart/models/<version>/} into the local cache {@code <platform home>/cache/models/<version>/}.
 */
@Singleton
public class ModelLocator {
  private static final Logger log = LoggerFactory.getLogger(ModelLocator.class);

  private final ApiConfig config;
  private final Lake lake;
  private final BundleCache cache;

  public ModelLocator(ApiConfig config, Lake lake) {
    this.config = config;
    this.lake = lake;
    this.cache = new BundleCache(lake, config.cacheDir());
  }

  public Path locate() {
    if (config.hasModelDir()) {
      return Path.of(config.modelDir());
    }
    String version = currentVersion();
    try {
      return cache.fetch(version);
    } catch (IOException e) {
      throw ApiException.modelLoad(
          "cannot copy bundle " + version + " from the lake: " + e.getMessage(), e);
    }
  }

  /** Drops cached bundles other than those at {@code serving} (the new and the previous model). */
  public void keepOnly(Path... serving) {
    if (config.hasModelDir()) {
      return;
    }
    try {
      cache.retainOnly(
          Arrays.stream(serving)
              .filter(Objects::nonNull)
              .map(path -> path.getFileName().toString())
              .collect(Collectors.toSet()));
    } catch (IOException e) {
      log.warn("cannot clean the bundle cache: {}", e.getMessage());
    }
  }

  private String currentVersion() {
    String pointer = lake.uri(LakeLayout.HEART_CURRENT);
    try {
      if (!lake.exists(LakeLayout.HEART_CURRENT)) {
        throw ApiException.modelLoad(
            "no model configured: api.model-dir (PLATFORM_MODEL_DIR) is empty and "
                + pointer
                + " does not exist",
            null);
      }
      String version;
      try (InputStream in = lake.open(LakeLayout.HEART_CURRENT)) {
        version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (version.isEmpty()
          || version.contains("/")
          || version.contains("\\")
          || version.startsWith(".")) {
        throw ApiException.modelLoad("invalid version id '" + version + "' in " + pointer, null);
      }
      return version;
    } catch (IOException e) {
      throw ApiException.modelLoad("cannot read " + pointer + ": " + e.getMessage(), e);
    }
  }
}
