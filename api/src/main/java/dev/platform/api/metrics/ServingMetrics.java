package dev.platform.api.metrics;

import dev.platform.ml.predict.RiskLabel;
import dev.platform.ml.predict.RiskPrediction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The API's own series beside Micronaut's HTTP server metrics: {@code
 * heart_predictions_total{risk_label}} (records scored, by label) and {@code
 * heart_model_info{version, model}} (1 for the serving bundle; no series while none is loaded).
 */
@Singleton
public class ServingMetrics {
  static final String PREDICTIONS = "heart.predictions";
  static final String MODEL_INFO = "heart.model.info";

  private final Map<RiskLabel, Counter> predictions = new EnumMap<>(RiskLabel.class);
  private final MultiGauge modelInfo;

  public ServingMetrics(MeterRegistry registry) {
    for (RiskLabel label : RiskLabel.values()) {
      predictions.put(
          label,
          Counter.builder(PREDICTIONS)
              .description("records scored, by risk label")
              .tag("risk_label", label.id())
              .register(registry));
    }
    this.modelInfo =
        MultiGauge.builder(MODEL_INFO)
            .description("the serving model bundle: 1 for its version and model")
            .register(registry);
  }

  public void scored(List<RiskPrediction> scored) {
    for (RiskPrediction prediction : scored) {
      predictions.get(prediction.riskLabel()).increment();
    }
  }

  /** The bundle now serving replaces the one before in {@code heart_model_info}. */
  public void serving(String version, String model) {
    modelInfo.register(
        List.of(MultiGauge.Row.of(Tags.of("version", version, "model", model), 1)), true);
  }
}
