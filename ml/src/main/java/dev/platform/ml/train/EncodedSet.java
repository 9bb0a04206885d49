package dev.platform.ml.train;

import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.features.FeatureEncoding;
import java.util.List;

/**
 * Encoded rows in one row-major float matrix, with their labels (-1 where unknown).
 *
 * @param features {@code rows * width} values, row after row
 */
public record EncodedSet(float[] features, int rows, int width, int[] labels) {

  public static EncodedSet of(FeatureEncoding encoding, List<LabeledRecord> records) {
    List<HeartRecord> features = records.stream().map(LabeledRecord::features).toList();
    int[] labels = records.stream().mapToInt(LabeledRecord::label).toArray();
    return new EncodedSet(encoding.encodeAll(features), records.size(), encoding.width(), labels);
  }

  public static EncodedSet unlabeled(FeatureEncoding encoding, List<HeartRecord> records) {
    int[] labels = new int[records.size()];
    java.util.Arrays.fill(labels, -1);
    return new EncodedSet(encoding.encodeAll(records), records.size(), encoding.width(), labels);
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
