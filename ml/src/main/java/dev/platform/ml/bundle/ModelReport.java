package dev.platform.ml.bundle;

import dev.platform.ml.eval.Metrics;
import dev.platform.ml.eval.PlattCalibration;
import java.util.Map;

/**
 * What one trained model achieved: its settings, training time, calibration and threshold (both
 * fitted on validation), and metrics on validation and, once, on test.
 */
public record ModelReport(
    String model,
    double trainSeconds,
    Map<String, Object> settings,
    PlattCalibration calibration,
    double threshold,
    Metrics validation,
    Metrics testAtHalf,
    Metrics testAtThreshold) {}
