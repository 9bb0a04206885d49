package dev.platform.api.model;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Describes the serving model: version, data, threshold, metrics, input schema. */
@Controller("/model")
public class ModelController {
  private final ModelRegistry registry;

  public ModelController(ModelRegistry registry) {
    this.registry = registry;
  }

  @Get
  public ModelInfo model() {
    return registry.require().info();
  }
}
