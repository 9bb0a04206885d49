package dev.platform.ml.bundle;

import dev.platform.ml.eval.PlattCalibration;
import dev.platform.ml.features.FeatureEncoding;
import java.util.Map;

/**
 * {@code bundle.json}: everything needed to score with the bundle's model and to know where it came
 * from.
 *
 * @param model id of the serving model (see {@code ModelKind#id()})
 * @param modelFile the model in its library's own format, beside this file
 * @param models every trained model's report, the serving one included
 */
public record BundleManifest(
    int formatVersion,
    String versionId,
    String createdAt,
    String model,
    String modelFile,
    Map<String, Object> modelSettings,
    String dataSource,
    String dataSha256,
    RowCounts rows,
    FeatureEncoding encoding,
    PlattCalibration calibration,
    double threshold,
    Map<String, ModelReport> models) {

  public static final int FORMAT_VERSION = 1;

  /** Row counts of the training data, from the file to the three splits. */
  public record RowCounts(
      long read, long skipped, long duplicates, int train, int validation, int test) {}

  public ModelReport servingReport() {
    return models.get(model);
  }
}
