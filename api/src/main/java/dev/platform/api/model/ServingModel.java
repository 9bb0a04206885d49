package dev.platform.api.model;

import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.predict.Predictor;
import dev.platform.ml.train.XGBoostModel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything built once per loaded bundle: the predictor, the explainer when the model is an
 * XGBoost booster, and the {@code /model} description.
 */
public record ServingModel(
    Path location, Predictor predictor, Optional<Explainer> explainer, ModelInfo info)
    implements AutoCloseable {

  public static ServingModel of(Path location, ModelBundle bundle) {
    Optional<Explainer> explainer =
        bundle.model() instanceof XGBoostModel booster
            ? Optional.of(new Explainer(booster, bundle.manifest().encoding()))
            : Optional.empty();
    return new ServingModel(
        location,
        new Predictor(bundle),
        explainer,
        ModelInfo.of(bundle.manifest(), location, explainer.isPresent()));
  }

  /** Frees the model's native memory; the explainer shares the predictor's booster. */
  @Override
  public void close() {
    predictor.close();
  }

  public String versionId() {
    return info.versionId();
  }

  public String modelName() {
    return info.servingModel();
  }
}
