package dev.platform.ml.pipeline;

import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.train.TrainedModel;

/**
 * A trained, calibrated and evaluated model, with its calibrated test scores kept for the report's
 * ROC curves.
 */
public record Candidate(ModelReport report, TrainedModel model, double[] testScores) {}
