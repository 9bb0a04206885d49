package dev.platform.ml.pipeline;

import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.eval.PlattCalibration;
import dev.platform.ml.eval.ThresholdChooser;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.ModelTrainer;
import dev.platform.ml.train.TrainedModel;

/**
 * Trains one model and makes it usable: Platt calibration and the F1-maximising threshold are both
 * fitted on the validation split; the test split is scored once, at 0.5 and at that threshold.
 */
public final class ModelEvaluator {
  private ModelEvaluator() {}

  public static Candidate trainAndEvaluate(PreparedData data, ModelKind kind) {
    ModelTrainer trainer = ModelTrainer.forKind(kind);
    long start = System.nanoTime();
    TrainedModel model =
        trainer.train(data.train(), data.validation(), data.encoding().columnNames());
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    return evaluate(data, model, trainSeconds);
  }

  public static Candidate evaluate(PreparedData data, TrainedModel model, double trainSeconds) {
    int[] validationLabels = data.validation().labels();
    double[] rawValidation = model.predict(data.validation());
    PlattCalibration calibration = PlattCalibration.fit(validationLabels, rawValidation);
    double[] validationScores = calibration.applyAll(rawValidation);
    double threshold = ThresholdChooser.maximiseF1(validationLabels, validationScores);
    double[] testScores = calibration.applyAll(model.predict(data.test()));
    int[] testLabels = data.test().labels();
    ModelReport report =
        new ModelReport(
            model.kind().id(),
            trainSeconds,
            model.settings(),
            calibration,
            threshold,
            Metrics.of(validationLabels, validationScores, threshold),
            Metrics.of(testLabels, testScores, 0.5),
            Metrics.of(testLabels, testScores, threshold));
    return new Candidate(report, model, testScores);
  }
}
