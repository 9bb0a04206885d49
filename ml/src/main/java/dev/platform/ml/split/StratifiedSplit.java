package dev.platform.ml.split;

import dev.platform.ml.data.LabeledRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Train / validation / test split that keeps each class's share in every part. Deterministic for a
 * given seed and input order: each class's rows are shuffled with {@link Random}, cut by the
 * fractions, and every part is returned in input order.
 */
public record StratifiedSplit(
    List<LabeledRecord> train, List<LabeledRecord> validation, List<LabeledRecord> test) {

  public static final long DEFAULT_SEED = 42;

  /** The 60/20/20 split with seed 42 the platform trains on. */
  public static StratifiedSplit standard(List<LabeledRecord> records) {
    return of(records, 0.6, 0.2, DEFAULT_SEED);
  }

  public static StratifiedSplit of(
      List<LabeledRecord> records, double trainFraction, double validationFraction, long seed) {
    if (trainFraction <= 0 || validationFraction < 0 || trainFraction + validationFraction > 1) {
      throw new IllegalArgumentException("fractions must be positive and add up to at most 1");
    }
    Random random = new Random(seed);
    int[] part = new int[records.size()];
    for (int label = 0; label <= 1; label++) {
      int count = 0;
      int[] indexes = new int[records.size()];
      for (int i = 0; i < records.size(); i++) {
        if (records.get(i).label() == label) {
          indexes[count++] = i;
        }
      }
      shuffle(indexes, count, random);
      int trainCount = (int) Math.round(count * trainFraction);
      int validationCount = (int) Math.round(count * validationFraction);
      for (int k = 0; k < count; k++) {
        part[indexes[k]] = k < trainCount ? 0 : k < trainCount + validationCount ? 1 : 2;
      }
    }
    List<LabeledRecord> train = new ArrayList<>();
    List<LabeledRecord> validation = new ArrayList<>();
    List<LabeledRecord> test = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      (part[i] == 0 ? train : part[i] == 1 ? validation : test).add(records.get(i));
    }
    return new StratifiedSplit(List.copyOf(train), List.copyOf(validation), List.copyOf(test));
  }

  /**
   * Shuffles {@code values[0 .. count)} exactly as {@link java.util.Collections#shuffle(List,
   * Random)} shuffles a list of them (same swaps, same random draws), without boxing.
   */
  static void shuffle(int[] values, int count, Random random) {
    for (int i = count; i > 1; i--) {
      int j = random.nextInt(i);
      int swap = values[i - 1];
      values[i - 1] = values[j];
      values[j] = swap;
    }
  }
}
