package dev.platform.ml.train;

/** Fits one model family. Trainers are independent of each other and may run in parallel. */
public interface ModelTrainer {
  ModelKind kind();

  /**
   * Fits on {@code train}. {@code validation} may be used for tuning and early stopping, never for
   * fitting parameters.
   */
  TrainedModel train(EncodedSet train, EncodedSet validation, java.util.List<String> columns);

  /**
   * The trainer for a kind, with the study's settings plus class-imbalance handling, taking every
   * core. Use {@link #forKind(ModelKind, TrainingSettings)}.
   */
  static ModelTrainer forKind(ModelKind kind) {
    return forKind(kind, TrainingSettings.oneFitAtATime());
  }

  /** The trainer for a kind with the given grid, threads and seed. */
  static ModelTrainer forKind(ModelKind kind, TrainingSettings settings) {
    return switch (kind) {
      case LOGISTIC_REGRESSION -> new TribuoTrainers.LogisticRegression(settings);
      case DECISION_TREE -> new TribuoTrainers.DecisionTree(settings);
      case RANDOM_FOREST -> new RandomForestTrainer(settings);
      case XGBOOST -> new XGBoostTrainer(settings);
    };
  }
}
