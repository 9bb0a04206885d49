package dev.platform.api.model;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/** {@code /health} is DOWN while no model is loaded, and names the serving model otherwise. */
@Singleton
public class ModelHealthIndicator implements HealthIndicator {
  private final ModelRegistry registry;

  public ModelHealthIndicator(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Map<String, Object> details = new LinkedHashMap<>();
    HealthStatus status =
        registry
            .current()
            .map(
                model -> {
                  details.put("version", model.versionId());
                  details.put("model", model.modelName());
                  details.put("location", model.location().toString());
                  return HealthStatus.UP;
                })
            .orElseGet(
                () -> {
                  details.put("error", registry.lastError().orElse("no model loaded"));
                  return HealthStatus.DOWN;
                });
    return Publishers.just(HealthResult.builder("model", status).details(details).build());
  }
}
