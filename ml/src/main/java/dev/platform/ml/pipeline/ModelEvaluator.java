package dev.platform.ml.pipeline;

import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.eval.PlattCalibration;
import dev.platform.ml.eval.ThresholdChooser;
import dev.platform.ml.train.EncodedSet;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.ModelTrainer;
import dev.platform.ml.train.TrainedModel;
import dev.platform.ml.train.TrainingSettings;
import java.util.List;

/**
 * Trains one model and makes it usable: Platt calibration and the F1-maximising threshold are both
 * fitted on the validation split; the test split is scored once, at 0.5 and at that threshold.
 */
public final class ModelEvaluator {
  private ModelEvaluator() {}

  /**
   * Trains with the default grid, each fit taking every core as before. Use {@link
   * #trainAndEvaluate(PreparedRun, ModelKind, TrainingSettings)}.
   */
  public static Candidate trainAndEvaluate(PreparedData data, ModelKind kind) {
    return trainAndEvaluate(
        data.train(),
        data.validation(),
        data.test(),
        data.encoding().columnNames(),
        kind,
        TrainingSettings.oneFitAtATime());
  }

  /**
   * Trains {@code kind} on a prepared run's splits with {@code settings}, then calibrates, tunes
   * the threshold and evaluates. The candidate's model is the caller's to close.
   */
  public static Candidate trainAndEvaluate(
      PreparedRun run, ModelKind kind, TrainingSettings settings) {
    return trainAndEvaluate(
        run.train(), run.validation(), run.test(), run.manifest().columns(), kind, settings);
  }

  private static Candidate trainAndEvaluate(
      EncodedSet train,
      EncodedSet validation,
      EncodedSet test,
      List<String> columns,
      ModelKind kind,
      TrainingSettings settings) {
    ModelTrainer trainer = ModelTrainer.forKind(kind, settings);
    long start = System.nanoTime();
    TrainedModel model = trainer.train(train, validation, columns);
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    try {
      return evaluate(validation, test, model, trainSeconds);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  public static Candidate evaluate(PreparedData data, TrainedModel model, double trainSeconds) {
    return evaluate(data.validation(), data.test(), model, trainSeconds);
  }

  /** Calibrates and tunes on {@code validation}, scores {@code test} once. */
  public static Candidate evaluate(
      EncodedSet validation, EncodedSet test, TrainedModel model, double trainSeconds) {
    int[] validationLabels = validation.labels();
    double[] rawValidation = model.predict(validation);
    PlattCalibration calibration = PlattCalibration.fit(validationLabels, rawValidation);
    double[] validationScores = calibration.applyAll(rawValidation);
    double threshold = ThresholdChooser.maximiseF1(validationLabels, validationScores);
    double[] testScores = calibration.applyAll(model.predict(test));
    int[] testLabels = test.labels();
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
