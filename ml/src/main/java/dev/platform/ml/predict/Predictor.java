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
 *
 * <p>A predictor owns its bundle's model. {@link #close()} frees it once the calls in flight have
 * finished; a second close does nothing, and a call after close fails with {@link
 * IllegalStateException}. The API closes a replaced predictor after its last request.
 */
public final class Predictor implements AutoCloseable {

  private final BundleManifest manifest;
  private final TrainedModel model;
  private final FeatureEncoding.Encoder encoder;
  private final PlattCalibration calibration;
  private final double threshold;
  private volatile boolean closed;

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
    checkOpen();
    return toPrediction(calibration.apply(model.predictOne(encoder.encode(record))));
  }

  /** Scores many records in one model call, in order. */
  public List<RiskPrediction> predictAll(List<HeartRecord> records) {
    checkOpen();
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

  /** Frees the model after the calls in flight; idempotent. */
  @Override
  public void close() {
    closed = true;
    model.close();
  }

  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException(
          "predictor for bundle " + manifest.versionId() + " is closed; load the current model");
    }
  }

  private RiskPrediction toPrediction(double riskScore) {
    return new RiskPrediction(riskScore, RiskLabel.of(riskScore), riskScore >= threshold ? 1 : 0);
  }
}
