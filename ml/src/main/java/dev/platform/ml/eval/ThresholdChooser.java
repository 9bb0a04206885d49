package dev.platform.ml.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Picks the decision threshold that maximises F1 on a labelled split. */
public final class ThresholdChooser {
  private ThresholdChooser() {}

  /**
   * The score {@code t} maximising F1 of the rule {@code score >= t}, searched over every distinct
   * score, so the result is exact for the data given.
   */
  public static double maximiseF1(int[] labels, double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    long positives = Arrays.stream(labels).filter(label -> label == 1).count();
    long tp = 0;
    long fp = 0;
    double bestF1 = -1;
    double bestThreshold = 0.5;
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        tp++;
      } else {
        fp++;
      }
      boolean boundary = k == order.length - 1 || scores[order[k + 1]] != scores[order[k]];
      if (boundary) {
        double f1 = 2.0 * tp / (tp + fp + positives);
        if (f1 > bestF1) {
          bestF1 = f1;
          bestThreshold = scores[order[k]];
        }
      }
    }
    return bestThreshold;
  }
}
