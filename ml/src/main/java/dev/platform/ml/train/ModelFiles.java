package dev.platform.ml.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads a model saved by {@link TrainedModel#save}, by its kind. */
public final class ModelFiles {
  private ModelFiles() {}

  public static TrainedModel load(
      ModelKind kind, Path file, Map<String, Object> settings, List<String> columns)
      throws IOException {
    return switch (kind) {
      case XGBOOST, RANDOM_FOREST -> XGBoostModel.load(kind, file, settings, columns.size());
      case LOGISTIC_REGRESSION, DECISION_TREE -> TribuoModel.load(kind, file, settings, columns);
    };
  }

  /** The file name a kind saves to. */
  public static String fileName(ModelKind kind) {
    return switch (kind) {
      case XGBOOST, RANDOM_FOREST -> XGBoostModel.FILE_NAME;
      case LOGISTIC_REGRESSION, DECISION_TREE -> TribuoModel.FILE_NAME;
    };
  }
}
