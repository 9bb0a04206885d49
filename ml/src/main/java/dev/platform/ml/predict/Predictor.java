package dev.platform.ml.predict;

import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.eval.PlattCalibration;
import dev.platform.ml.features.FeatureEncoding;
import dev.platform.ml.train.EncodedSet;
import dev.platform.ml.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores heart records with a bundle: encode, raw model probability, calibration, band and
 * decision. The one scoring path of the platform (command line and API). Thread-safe.
 */
public final class Predictor {

  private final BundleManifest manifest;
  private final TrainedModel model;
  private final FeatureEncoding.Encoder encoder;
  private final PlattCalibration calibration;
  private final double threshold;

  public Predictor(ModelBundle bundle) {
    this.manifest = bundle.manifest();
    this.model = bundle.model();
    this.encoder = manifest.encoding().encoder();
    this.calibration = manifest.calibration();
    this.threshold = manifest.threshold();
  }

  public static Predictor load(Path bundleDirectory) throws IOException {
    return new Predictor(ModelBundle.read(bundleDirectory));
  }

  public BundleManifest manifest() {
    return manifest;
  }

  public RiskPrediction predict(HeartRecord record) {
    return toPrediction(calibration.apply(model.predictOne(encoder.encode(record))));
  }

  /** Scores many records in one model call, in order. */
  public List<RiskPrediction> predictAll(List<HeartRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    double[] raw = model.predict(EncodedSet.unlabeled(encoder, records));
    List<RiskPrediction> predictions = new ArrayList<>(raw.length);
    for (double score : raw) {
      predictions.add(toPrediction(calibration.apply(score)));
    }
    return predictions;
  }

  private RiskPrediction toPrediction(double riskScore) {
    return new RiskPrediction(riskScore, RiskLabel.of(riskScore), riskScore >= threshold ? 1 : 0);
  }
}
