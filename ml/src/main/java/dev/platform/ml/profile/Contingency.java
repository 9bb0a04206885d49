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

  /** The tables of every field at once, in one pass over the records. */
  static Contingency[] ofAll(
      List<LabeledRecord> records, ValueIndexer[] indexers, int[] valueCounts) {
    int fields = indexers.length;
    long[][] counts = new long[fields][];
    long[][] positives = new long[fields][];
    for (int field = 0; field < fields; field++) {
      counts[field] = new long[valueCounts[field]];
      positives[field] = new long[valueCounts[field]];
    }
    for (LabeledRecord record : records) {
      double[] values = record.features().values();
      boolean positive = record.label() == 1;
      for (int field = 0; field < fields; field++) {
        int value = indexers[field].indexOf(values[field]);
        counts[field][value]++;
        if (positive) {
          positives[field][value]++;
        }
      }
    }
    Contingency[] tables = new Contingency[fields];
    for (int field = 0; field < fields; field++) {
      tables[field] = new Contingency(counts[field], positives[field]);
    }
    return tables;
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
