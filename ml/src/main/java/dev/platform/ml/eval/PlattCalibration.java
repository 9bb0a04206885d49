package dev.platform.ml.eval;

/**
 * Platt scaling on the log-odds of a model's raw score: {@code p = 1 / (1 + exp(-(a * logit(s) +
 * b)))}. Monotone, so ranking (and ROC AUC) is unchanged while the score becomes a probability;
 * this undoes the shift that class weighting puts into the raw scores.
 */
public record PlattCalibration(double a, double b) {
  private static final double EPSILON = 1e-7;

  public static PlattCalibration identity() {
    return new PlattCalibration(1, 0);
  }

  /** Fits a and b by Newton's method on log loss, with Platt's smoothed targets. */
  public static PlattCalibration fit(int[] labels, double[] rawScores) {
    int n = labels.length;
    long positives = 0;
    for (int label : labels) {
      positives += label;
    }
    long negatives = n - positives;
    double hiTarget = (positives + 1.0) / (positives + 2.0);
    double loTarget = 1.0 / (negatives + 2.0);
    double[] x = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = logit(rawScores[i]);
      t[i] = labels[i] == 1 ? hiTarget : loTarget;
    }
    double a = 1;
    double b = 0;
    for (int iteration = 0; iteration < 100; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hab = 0;
      double hbb = 1e-12;
      for (int i = 0; i < n; i++) {
        double p = sigmoid(a * x[i] + b);
        double diff = p - t[i];
        double w = p * (1 - p);
        ga += diff * x[i];
        gb += diff;
        haa += w * x[i] * x[i];
        hab += w * x[i];
        hbb += w;
      }
      double det = haa * hbb - hab * hab;
      if (Math.abs(det) < 1e-18) {
        break;
      }
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
        break;
      }
    }
    return new PlattCalibration(a, b);
  }

  public double apply(double rawScore) {
    return sigmoid(a * logit(rawScore) + b);
  }

  public double[] applyAll(double[] rawScores) {
    double[] calibrated = new double[rawScores.length];
    for (int i = 0; i < rawScores.length; i++) {
      calibrated[i] = apply(rawScores[i]);
    }
    return calibrated;
  }

  private static double logit(double p) {
    double clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
    return Math.log(clamped / (1 - clamped));
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
