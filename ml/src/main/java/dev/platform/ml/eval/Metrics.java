package dev.platform.ml.eval;

/** A model's quality on one split at one decision threshold. */
public record Metrics(
    double threshold,
    double accuracy,
    double precision,
    double recall,
    double f1,
    double rocAuc,
    double brier,
    ConfusionMatrix confusion) {

  public static Metrics of(int[] labels, double[] scores, double threshold) {
    ConfusionMatrix confusion = ConfusionMatrix.of(labels, scores, threshold);
    return new Metrics(
        threshold,
        confusion.accuracy(),
        confusion.precision(),
        confusion.recall(),
        confusion.f1(),
        Roc.auc(labels, scores),
        brier(labels, scores),
        confusion);
  }

  /** Mean squared difference between the score and the 0/1 outcome. */
  public static double brier(int[] labels, double[] scores) {
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double diff = scores[i] - labels[i];
      sum += diff * diff;
    }
    return labels.length == 0 ? 0 : sum / labels.length;
  }
}
