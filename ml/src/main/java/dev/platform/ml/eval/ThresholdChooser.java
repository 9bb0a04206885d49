package dev.platform.ml.eval;

/** Picks the decision threshold that maximises F1 on a labelled split. */
public final class ThresholdChooser {
  private ThresholdChooser() {}

  /**
   * The score {@code t} maximising F1 of the rule {@code score >= t}, searched over every distinct
   * score, so the result is exact for the data given.
   */
  public static double maximiseF1(int[] labels, double[] scores) {
    ClassScores split = ClassScores.of(labels, scores);
    double[] positives = split.positives();
    double[] negatives = split.negatives();
    // Walk the distinct scores from the highest down; at score t, tp and fp count rows >= t.
    int p = positives.length - 1;
    int n = negatives.length - 1;
    long tp = 0;
    long fp = 0;
    double bestF1 = -1;
    double bestThreshold = 0.5;
    while (p >= 0 || n >= 0) {
      double score =
          p < 0 ? negatives[n] : n < 0 ? positives[p] : Math.max(positives[p], negatives[n]);
      while (p >= 0 && positives[p] == score) {
        tp++;
        p--;
      }
      while (n >= 0 && negatives[n] == score) {
        fp++;
        n--;
      }
      double f1 = 2.0 * tp / (tp + fp + positives.length);
      if (f1 > bestF1) {
        bestF1 = f1;
        bestThreshold = score;
      }
    }
    return bestThreshold;
  }
}
