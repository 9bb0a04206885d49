package dev.platform.api.model;

import dev.platform.api.config.ApiConfig;
import dev.platform.api.errors.ModelLoadException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the serving bundle is: {@code api.model-dir} when set, else the lake's current model,
 * {@code <platform home>/lake/heart/models/<id>} with the id read from {@code CURRENT} each time.
 */
@Singleton
public class ModelLocator {
  static final String MODELS = "lake/heart/models";
  static final String CURRENT = "CURRENT";

  private final ApiConfig config;

  public ModelLocator(ApiConfig config) {
    this.config = config;
  }

  public Path locate() {
    if (config.hasModelDir()) {
      return Path.of(config.modelDir());
    }
    Path models = Path.of(config.platformHome()).resolve(MODELS);
    Path pointer = models.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      throw new ModelLoadException(
          "no model configured: api.model-dir (PLATFORM_MODEL_DIR) is empty and "
              + pointer.toAbsolutePath()
              + " does not exist");
    }
    try {
      String versionId = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      if (versionId.isEmpty() || versionId.contains("/") || versionId.contains("..")) {
        throw new ModelLoadException("invalid version id '" + versionId + "' in " + pointer);
      }
      return models.resolve(versionId);
    } catch (IOException e) {
      throw new ModelLoadException("cannot read " + pointer + ": " + e.getMessage(), e);
    }
  }
}
