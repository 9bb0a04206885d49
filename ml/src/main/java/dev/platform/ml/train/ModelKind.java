package dev.platform.ml.train;

import java.util.Arrays;
import java.util.Locale;

/** The four model families of the study. */
public enum ModelKind {
  LOGISTIC_REGRESSION,
  DECISION_TREE,
  RANDOM_FOREST,
  XGBOOST;

  /** The snake-case id used in files, reports and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ModelKind fromId(String id) {
    return Arrays.stream(values())
        .filter(kind -> kind.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown model '" + id + "'; known: " + Arrays.toString(values())));
  }
}
