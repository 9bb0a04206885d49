package dev.platform.ml.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fitted model giving the raw (uncalibrated) probability of heart disease. Whoever creates or
 * loads one owns it and closes it: XGBoost models hold native memory. Closing twice is harmless;
 * predicting after close throws {@link IllegalStateException} (for models with native memory).
 */
public interface TrainedModel extends AutoCloseable {
  ModelKind kind();

  /** Raw positive-class probabilities, one per row. */
  double[] predict(EncodedSet rows);

  /** Raw positive-class probability of one encoded row. */
  double predictOne(float[] row);

  /** The settings it was trained with (including tuned ones). */
  Map<String, Object> settings();

  /**
   * Writes the model in its library's own format (never Java serialization) into {@code directory}.
   *
   * @return the file name written
   */
  String save(Path directory) throws IOException;

  /** Frees what the model holds outside the Java heap; the default holds nothing. */
  @Override
  default void close() {}
}
