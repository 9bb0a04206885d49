package dev.platform.ml.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** ROC AUC (rank statistic, ties counted half) and the ROC curve's points. */
public final class Roc {
  private Roc() {}

  /** One point of the curve: false and true positive rates at a score cut. */
  public record Point(double falsePositiveRate, double truePositiveRate) {}

  public static double auc(int[] labels, double[] scores) {
    ClassScores split = ClassScores.of(labels, scores);
    double[] positives = split.positives();
    double[] negatives = split.negatives();
    if (positives.length == 0 || negatives.length == 0) {
      return Double.NaN;
    }
    // Mann-Whitney: each positive counts the negatives below it, and half of those equal to it.
    long twiceWins = 0;
    int below = 0;
    int belowOrEqual = 0;
    for (double positive : positives) {
      while (below < negatives.length && negatives[below] < positive) {
        below++;
      }
      belowOrEqual = Math.max(belowOrEqual, below);
      while (belowOrEqual < negatives.length && negatives[belowOrEqual] == positive) {
        belowOrEqual++;
      }
      twiceWins += below + (long) belowOrEqual;
    }
    return twiceWins / (2.0 * positives.length * negatives.length);
  }

  /** Curve points from (0,0) to (1,1), at most about {@code maxPoints} of them. */
  public static List<Point> curve(int[] labels, double[] scores, int maxPoints) {
    Integer[] order = byScore(scores);
    long positives = Arrays.stream(labels).filter(label -> label == 1).count();
    long negatives = labels.length - positives;
    List<Point> points = new ArrayList<>();
    points.add(new Point(0, 0));
    long tp = 0;
    long fp = 0;
    int step = Math.max(1, labels.length / Math.max(1, maxPoints));
    for (int k = order.length - 1; k >= 0; k--) {
      if (labels[order[k]] == 1) {
        tp++;
      } else {
        fp++;
      }
      boolean boundary = k == 0 || scores[order[k - 1]] != scores[order[k]];
      if (boundary && (k % step == 0 || k == 0)) {
        points.add(
            new Point((double) fp / Math.max(1, negatives), (double) tp / Math.max(1, positives)));
      }
    }
    return points;
  }

  private static Integer[] byScore(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }
}
