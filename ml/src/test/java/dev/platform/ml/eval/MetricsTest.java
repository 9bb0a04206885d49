package dev.platform.ml.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {
  // 10 rows; at threshold 0.5: TP = rows 0,1,2; FN = row 3; FP = rows 4,5; TN = rows 6..9.
  private static final int[] LABELS = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
  private static final double[] SCORES = {0.9, 0.8, 0.6, 0.3, 0.7, 0.55, 0.4, 0.2, 0.1, 0.05};

  @Test
  void metricsMatchAConfusionMatrixCountedByHand() {
    Metrics metrics = Metrics.of(LABELS, SCORES, 0.5);
    assertEquals(new ConfusionMatrix(3, 2, 4, 1), metrics.confusion());
    assertEquals(7 / 10.0, metrics.accuracy(), 1e-12);
    assertEquals(3 / 5.0, metrics.precision(), 1e-12);
    assertEquals(3 / 4.0, metrics.recall(), 1e-12);
    assertEquals(2 * 0.6 * 0.75 / (0.6 + 0.75), metrics.f1(), 1e-12);
    // Pairs (positive, negative) ranked correctly: 6+6+5+3 = 20 of 24.
    assertEquals(20 / 24.0, metrics.rocAuc(), 1e-12);
    double brier = 0;
    for (int i = 0; i < LABELS.length; i++) {
      brier += Math.pow(SCORES[i] - LABELS[i], 2);
    }
    assertEquals(brier / 10, metrics.brier(), 1e-12);
  }

  @Test
  void aucCountsTiesAsHalf() {
    assertEquals(0.5, Roc.auc(new int[] {1, 0}, new double[] {0.3, 0.3}), 1e-12);
    assertEquals(0.75, Roc.auc(new int[] {1, 1, 0}, new double[] {0.5, 0.9, 0.5}), 1e-12);
  }

  @Test
  void chosenThresholdMaximisesF1OverEveryCut() {
    double threshold = ThresholdChooser.maximiseF1(LABELS, SCORES);
    double best = Metrics.of(LABELS, SCORES, threshold).f1();
    for (double score : SCORES) {
      assertTrue(Metrics.of(LABELS, SCORES, score).f1() <= best + 1e-12);
    }
    assertEquals(0.6, threshold, 1e-12); // TP 3, FP 1 at >= 0.6: F1 = 6/8 = 0.75
  }

  @Test
  void plattCalibrationRecoversAShiftedProbabilityAndKeepsRanking() {
    Random random = new Random(1);
    int n = 20_000;
    int[] labels = new int[n];
    double[] raw = new double[n];
    for (int i = 0; i < n; i++) {
      double logit = random.nextGaussian() * 2 - 2;
      double p = 1 / (1 + Math.exp(-logit));
      labels[i] = random.nextDouble() < p ? 1 : 0;
      raw[i] = 1 / (1 + Math.exp(-(logit + 2))); // scores too high, as class weighting makes them
    }
    PlattCalibration calibration = PlattCalibration.fit(labels, raw);
    assertEquals(1.0, calibration.a(), 0.1);
    assertEquals(-2.0, calibration.b(), 0.15);
    double[] calibrated = calibration.applyAll(raw);
    assertEquals(Roc.auc(labels, raw), Roc.auc(labels, calibrated), 1e-12);
    assertTrue(Metrics.brier(labels, calibrated) < Metrics.brier(labels, raw));
  }
}
