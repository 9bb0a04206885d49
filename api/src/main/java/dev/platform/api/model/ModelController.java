package dev.platform.api.model;

import dev.platform.core.lake.Lake;
import dev.platform.ml.registry.RegistryReader;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes the serving model (version, data, threshold, metrics, input schema) and the registry's
 * version history in the lake, as {@code platform model list} shows it.
 */
@Controller("/model")
@ExecuteOn(TaskExecutors.BLOCKING) // lake reads may go over the network (gs://)
public class ModelController {
  private static final Logger log = LoggerFactory.getLogger(ModelController.class);

  private final ModelRegistry registry;
  private final RegistryReader history;

  public ModelController(ModelRegistry registry, Lake lake) {
    this.registry = registry;
    this.history = new RegistryReader(lake);
  }

  @Get
  public ModelInfo model() {
    ModelInfo serving = registry.require().info();
    try {
      return serving.withRegistry(ModelInfo.RegistryView.of(history.listing()));
    } catch (IOException | RuntimeException e) {
      log.warn("cannot read the model registry: {}", e.getMessage());
      return serving.withRegistry(
          ModelInfo.RegistryView.unreadable("cannot read the model registry: " + e.getMessage()));
    }
  }
}
