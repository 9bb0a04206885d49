package dev.platform.ml.train;

import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/** The study's Logistic Regression and Decision Tree, fitted with Tribuo. */
final class TribuoTrainers {
  private TribuoTrainers() {}

  /** L2-regularised logistic regression (liblinear), C = 10, up to 1000 iterations. */
  static final class LogisticRegression implements ModelTrainer {
    private final TrainingSettings settings;

    LogisticRegression(TrainingSettings settings) {
      this.settings = settings;
    }

    @Override
    public ModelKind kind() {
      return ModelKind.LOGISTIC_REGRESSION;
    }

    @Override
    public TrainedModel train(EncodedSet train, EncodedSet validation, List<String> columns) {
      LibLinearClassificationTrainer trainer =
          new LibLinearClassificationTrainer(
              new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
              10.0,
              1000,
              0.01,
              settings.seed());
      float positiveWeight = (float) train.balancingPositiveWeight();
      trainer.setLabelWeights(
          Map.of(TribuoModel.POSITIVE, positiveWeight, TribuoModel.NEGATIVE, 1f));
      return fit(
          kind(),
          trainer,
          train,
          columns,
          false,
          Map.of("C", 10.0, "max_iterations", 1000, "positive_class_weight", positiveWeight));
    }
  }

  /** CART, depth 5, positives weighted to balance the classes. */
  static final class DecisionTree implements ModelTrainer {
    private final TrainingSettings settings;

    DecisionTree(TrainingSettings settings) {
      this.settings = settings;
    }

    @Override
    public ModelKind kind() {
      return ModelKind.DECISION_TREE;
    }

    @Override
    public TrainedModel train(EncodedSet train, EncodedSet validation, List<String> columns) {
      return fit(
          kind(),
          new CARTClassificationTrainer(5, 1.0f, settings.seed()),
          train,
          columns,
          true,
          Map.of("max_depth", 5, "positive_class_weight", train.balancingPositiveWeight()));
    }
  }

  private static TrainedModel fit(
      ModelKind kind,
      Trainer<Label> trainer,
      EncodedSet train,
      List<String> columns,
      boolean weightExamples,
      Map<String, Object> settings) {
    float positiveWeight = weightExamples ? (float) train.balancingPositiveWeight() : 1f;
    Model<Label> model =
        trainer.train(TribuoModel.dataset(train, columns, positiveWeight, "train-" + kind.id()));
    return new TribuoModel(kind, model, settings, columns);
  }
}
