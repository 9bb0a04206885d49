package dev.platform.ml.eval;

/** Counts of a binary classifier's decisions against the truth. */
public record ConfusionMatrix(
    long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

  /** Classifies {@code scores >= threshold} as positive. */
  public static ConfusionMatrix of(int[] labels, double[] scores, double threshold) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (labels[i] == 1) {
        if (predicted) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(tp, fp, tn, fn);
  }

  public long total() {
    return truePositives + falsePositives + trueNegatives + falseNegatives;
  }

  public double accuracy() {
    return ratio(truePositives + trueNegatives, total());
  }

  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
