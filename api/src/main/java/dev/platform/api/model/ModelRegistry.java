package dev.platform.api.model;

import dev.platform.api.errors.ApiException;
import dev.platform.api.metrics.ServingMetrics;
import dev.platform.ml.bundle.ModelBundle;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the serving model. A reload builds the new model completely before swapping the reference,
 * so requests already holding the old one finish on it and none sees a half-loaded model; the old
 * one is closed when its last request is done (see {@link ModelLease}). Loaded at startup; the
 * service starts without a model when none can be loaded.
 */
@Context
public class ModelRegistry {
  private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

  private final ModelLocator locator;
  private final ServingMetrics metrics;
  private final AtomicReference<ModelLease.Holders> current = new AtomicReference<>();
  private volatile @Nullable String lastError;

  public ModelRegistry(ModelLocator locator, ServingMetrics metrics) {
    this.locator = locator;
    this.metrics = metrics;
    try {
      reload();
    } catch (ApiException e) {
      log.warn("starting without a model: {}", e.getMessage());
    }
  }

  /** The serving model's description and files (no native calls), or 503 when there is none. */
  public ServingModel require() {
    ModelLease.Holders holders = current.get();
    if (holders == null) {
      throw unavailable();
    }
    return holders.model();
  }

  /** A hold on the serving model for one request's scoring; close it when done. 503 if none. */
  public ModelLease lease() {
    while (true) {
      ModelLease.Holders holders = current.get();
      if (holders == null) {
        throw unavailable();
      }
      Optional<ModelLease> lease = holders.enter();
      if (lease.isPresent()) {
        return lease.get();
      }
      // a reload replaced it between the two reads: take the new one
    }
  }

  private ApiException unavailable() {
    return ApiException.modelUnavailable(
        "no model loaded" + (lastError == null ? "" : ": " + lastError));
  }

  public Optional<ServingModel> current() {
    return Optional.ofNullable(current.get()).map(ModelLease.Holders::model);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** What a reload changed. */
  public record Swap(ServingModel loaded, @Nullable ServingModel previous) {}

  /** Locates the bundle anew, loads it fully, then swaps it in. Reloads run one at a time. */
  public synchronized Swap reload() {
    Path location;
    ServingModel loaded;
    try {
      location = locator.locate();
      loaded = ServingModel.of(location, ModelBundle.read(location));
    } catch (ApiException e) {
      lastError = e.getMessage();
      throw e;
    } catch (IOException | RuntimeException e) {
      lastError = "cannot load a model: " + e.getMessage();
      throw ApiException.modelLoad(lastError, e);
    }
    ModelLease.Holders replaced = current.getAndSet(new ModelLease.Holders(loaded));
    ServingModel previous = replaced == null ? null : replaced.model();
    if (replaced != null) {
      replaced.leave(); // closed now, or when its last request is done
    }
    lastError = null;
    metrics.serving(loaded.versionId(), loaded.modelName());
    locator.keepOnly(loaded.location(), previous == null ? null : previous.location());
    log.info(
        "serving model {} ({}) from {}{}",
        loaded.versionId(),
        loaded.modelName(),
        location,
        previous == null ? "" : ", replacing " + previous.versionId());
    return new Swap(loaded, previous);
  }
}
