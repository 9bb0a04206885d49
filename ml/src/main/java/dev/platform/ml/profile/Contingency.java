package dev.platform.ml.profile;

import dev.platform.ml.data.LabeledRecord;
import java.util.List;

/** Counts of rows and positive rows per value of one field. */
final class Contingency {
  /** Maps a field's stored value to the index of its value group. */
  interface ValueIndexer {
    int indexOf(double value);
  }

  private final long[] counts;
  private final long[] positives;
  private final long rows;
  private final long totalPositives;

  private Contingency(long[] counts, long[] positives) {
    this.counts = counts;
    this.positives = positives;
    long rowSum = 0;
    long positiveSum = 0;
    for (int i = 0; i < counts.length; i++) {
      rowSum += counts[i];
      positiveSum += positives[i];
    }
    this.rows = rowSum;
    this.totalPositives = positiveSum;
  }

  static Contingency of(
      List<LabeledRecord> records, int field, ValueIndexer indexer, int valueCount) {
    long[] counts = new long[valueCount];
    long[] positives = new long[valueCount];
    for (LabeledRecord record : records) {
      int value = indexer.indexOf(record.features().value(field));
      counts[value]++;
      if (record.label() == 1) {
        positives[value]++;
      }
    }
    return new Contingency(counts, positives);
  }

  long count(int value) {
    return counts[value];
  }

  long positives(int value) {
    return positives[value];
  }

  /**
   * Mutual information between value and target in nats, from the empirical joint distribution (as
   * scikit-learn's {@code mutual_info_score}).
   */
  double mutualInformation() {
    if (rows == 0) {
      return 0;
    }
    double positiveShare = (double) totalPositives / rows;
    double[] targetShare = {1 - positiveShare, positiveShare};
    double sum = 0;
    for (int value = 0; value < counts.length; value++) {
      long[] joint = {counts[value] - positives[value], positives[value]};
      double valueShare = (double) counts[value] / rows;
      for (int label = 0; label < 2; label++) {
        if (joint[label] > 0) {
          double jointShare = (double) joint[label] / rows;
          sum += jointShare * Math.log(jointShare / (valueShare * targetShare[label]));
        }
      }
    }
    // Rounding can leave a tiny negative sum for independent variables; MI is never negative.
    return Math.max(0, sum);
  }
}
