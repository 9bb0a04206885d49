package dev.platform.ml.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** An XGBoost booster (boosted trees or a random forest), saved in XGBoost's JSON format. */
public final class XGBoostModel implements TrainedModel {
  static final String FILE_NAME = "model.json";

  private final ModelKind kind;
  private final Booster booster;
  private final Map<String, Object> settings;
  private final int width;

  XGBoostModel(ModelKind kind, Booster booster, Map<String, Object> settings, int width) {
    this.kind = kind;
    this.booster = booster;
    this.settings = settings;
    this.width = width;
  }

  @Override
  public ModelKind kind() {
    return kind;
  }

  @Override
  public double[] predict(EncodedSet rows) {
    try {
      return XGBoostTrainer.firstColumn(
          booster.inplace_predict(rows.features(), rows.rows(), rows.width(), Float.NaN));
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  @Override
  public double predictOne(float[] row) {
    try {
      return booster.inplace_predict(row, 1, width, Float.NaN)[0][0];
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /** Per-feature contributions (SHAP values, log-odds) of each row; the last column is the bias. */
  public float[][] contributions(EncodedSet rows) {
    try {
      DMatrix matrix = XGBoostTrainer.matrix(rows);
      try {
        return booster.predictContrib(matrix, 0);
      } finally {
        matrix.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost contributions failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Object> settings() {
    return settings;
  }

  @Override
  public String save(Path directory) throws IOException {
    try (OutputStream out = Files.newOutputStream(directory.resolve(FILE_NAME))) {
      booster.saveModel(out, "json");
    } catch (XGBoostError e) {
      throw new IOException("cannot save XGBoost model: " + e.getMessage(), e);
    }
    return FILE_NAME;
  }

  static XGBoostModel load(ModelKind kind, Path file, Map<String, Object> settings, int width)
      throws IOException {
    try {
      Booster booster = XGBoost.loadModel(Files.readAllBytes(file));
      // A loaded model serves many small, concurrent requests: one OpenMP thread per call, the
      // callers are the parallelism (OpenMP's team per request otherwise fights the HTTP threads).
      booster.setParam("nthread", 1);
      return new XGBoostModel(kind, booster, settings, width);
    } catch (XGBoostError e) {
      throw new IOException("cannot load XGBoost model " + file + ": " + e.getMessage(), e);
    }
  }
}
