package dev.platform.ml.eval;

import java.util.Arrays;

/** The scores of a labelled split by class, each sorted ascending (primitive sorts, no boxing). */
record ClassScores(double[] positives, double[] negatives) {
  static ClassScores of(int[] labels, double[] scores) {
    if (labels.length != scores.length) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + scores.length + " scores");
    }
    int positiveCount = 0;
    for (int label : labels) {
      positiveCount += label == 1 ? 1 : 0;
    }
    double[] positives = new double[positiveCount];
    double[] negatives = new double[labels.length - positiveCount];
    int p = 0;
    int n = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == 1) {
        positives[p++] = scores[i];
      } else {
        negatives[n++] = scores[i];
      }
    }
    Arrays.sort(positives);
    Arrays.sort(negatives);
    return new ClassScores(positives, negatives);
  }
}
