package dev.platform.ml.train;

import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.features.FeatureEncoding;
import java.util.List;

/**
 * Encoded rows in one row-major float matrix, with their labels (none when unlabeled).
 *
 * @param features {@code rows * width} values, row after row
 */
public record EncodedSet(float[] features, int rows, int width, int[] labels) {
  private static final int[] NO_LABELS = new int[0];

  public static EncodedSet of(FeatureEncoding encoding, List<LabeledRecord> records) {
    List<HeartRecord> features = records.stream().map(LabeledRecord::features).toList();
    int[] labels = records.stream().mapToInt(LabeledRecord::label).toArray();
    return new EncodedSet(encoding.encodeAll(features), records.size(), encoding.width(), labels);
  }

  public static EncodedSet unlabeled(FeatureEncoding encoding, List<HeartRecord> records) {
    return unlabeled(encoding.encoder(), records);
  }

  /** Rows to score, encoded with an already compiled encoder (the serving hot path). */
  public static EncodedSet unlabeled(FeatureEncoding.Encoder encoder, List<HeartRecord> records) {
    return new EncodedSet(encoder.encodeAll(records), records.size(), encoder.width(), NO_LABELS);
  }

  public int positives() {
    int count = 0;
    for (int label : labels) {
      count += label == 1 ? 1 : 0;
    }
    return count;
  }

  /** Weight that makes the positives weigh as much as the negatives. */
  public double balancingPositiveWeight() {
    int positives = positives();
    return positives == 0 ? 1 : (double) (rows - positives) / positives;
  }
}
