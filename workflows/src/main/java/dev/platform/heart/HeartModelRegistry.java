package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.Promotion;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.pipeline.PreparedRun;
import dev.platform.ml.predict.Predictor;
import dev.platform.ml.predict.RiskPrediction;
import dev.platform.ml.registry.ModelChange;
import dev.platform.ml.split.StratifiedSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The promoted bundles and CURRENT: promotion of a run's bundle (compared like with like against
 * the current model), a manual promotion and a rollback, each a compare-and-set of CURRENT logged
 * in {@code heart/models/HISTORY}.
 */
public final class HeartModelRegistry {
  /** A run that lost the switch to another run this many times in a row gives up. */
  private static final int SWITCH_ATTEMPTS = 5;

  private final HeartLake lake;

  public HeartModelRegistry(HeartLake lake) {
    this.lake = lake;
  }

  /** Validation F1 of two bundles on the same rows, each at its own tuned threshold. */
  public record Comparison(double candidateF1, double currentF1, int rows) {}

  /**
   * Promotes a run's bundle unless the current model does better on the run's own validation rows.
   * When another run switches CURRENT meanwhile, the comparison is made again with the new one.
   */
  public Promotion promoteIfNotWorse(String version, Path bundleFolder, Path preparedFolder)
      throws IOException {
    for (int attempt = 0; attempt < SWITCH_ATTEMPTS; attempt++) {
      Optional<String> current = lake.currentVersion();
      String previous = current.orElse("");
      if (previous.equals(version)) {
        return new Promotion(true, version, previous, "already current");
      }
      String reason;
      if (current.isPresent() && lake.hasBundle(previous)) {
        Comparison comparison =
            compare(bundleFolder, lake.localBundle(previous), validationRows(preparedFolder));
        if (comparison.candidateF1() < comparison.currentF1()) {
          return new Promotion(
              false,
              version,
              previous,
              String.format(
                  Locale.ROOT,
                  "not promoted: validation F1 %.4f is worse than current %s (%.4f) on the same"
                      + " %,d rows",
                  comparison.candidateF1(),
                  previous,
                  comparison.currentF1(),
                  comparison.rows()));
        }
        reason =
            String.format(
                Locale.ROOT,
                "promoted %s, replacing %s (validation F1 %.4f vs %.4f on the same %,d rows)",
                version,
                previous,
                comparison.candidateF1(),
                comparison.currentF1(),
                comparison.rows());
      } else {
        reason = "promoted " + version + " (first model)";
      }
      // every file under the version's prefix first, CURRENT last: readers never see half a bundle
      lake.putBundle(version, bundleFolder);
      if (lake.switchCurrent(previous, version, "promote", reason)) {
        return new Promotion(true, version, previous, reason);
      }
    }
    throw new IllegalStateException(
        "CURRENT kept changing while promoting " + version + "; try again");
  }

  /** Points CURRENT at a stored version by hand. */
  public ModelChange promote(String version) throws IOException {
    if (!lake.hasBundle(version)) {
      throw new IllegalArgumentException(
          "no bundle " + version + " in the lake; see `platform model list`");
    }
    String previous = lake.currentVersion().orElse("");
    if (previous.equals(version)) {
      throw new IllegalArgumentException(version + " is already CURRENT");
    }
    return switchFrom(previous, version, "manual", "promoted by hand");
  }

  /** Points CURRENT back at the version it named before the last change. */
  public ModelChange rollback() throws IOException {
    String current =
        lake.currentVersion()
            .orElseThrow(() -> new IllegalArgumentException("no CURRENT model to roll back"));
    List<ModelChange> history = lake.history();
    String previous =
        history.isEmpty() || !history.get(history.size() - 1).version().equals(current)
            ? ""
            : history.get(history.size() - 1).previous();
    if (previous.isEmpty() || !lake.hasBundle(previous)) {
      throw new IllegalArgumentException(
          "no previous CURRENT to roll back to from " + current + " (see `platform model list`)");
    }
    return switchFrom(current, previous, "rollback", "rolled back from " + current);
  }

  private ModelChange switchFrom(String expected, String version, String action, String reason)
      throws IOException {
    if (!lake.switchCurrent(expected, version, action, reason)) {
      throw new IllegalStateException("CURRENT changed meanwhile; see `platform model list`");
    }
    List<ModelChange> history = lake.history();
    return history.get(history.size() - 1);
  }

  /** The validation rows of a prepared run: the split its trainings tuned on. */
  public static List<LabeledRecord> validationRows(Path preparedFolder) throws IOException {
    return StratifiedSplit.standard(PreparedRun.readRecords(preparedFolder)).validation();
  }

  /** Scores both bundles on the same rows, each with its calibration and threshold. */
  public static Comparison compare(Path candidate, Path current, List<LabeledRecord> rows)
      throws IOException {
    return new Comparison(f1(candidate, rows), f1(current, rows), rows.size());
  }

  static double f1(Path bundleFolder, List<LabeledRecord> rows) throws IOException {
    try (Predictor predictor = Predictor.load(bundleFolder)) {
      BundleManifest manifest = predictor.manifest();
      List<HeartRecord> features = rows.stream().map(LabeledRecord::features).toList();
      List<RiskPrediction> predictions = predictor.predictAll(features);
      int[] labels = rows.stream().mapToInt(LabeledRecord::label).toArray();
      double[] scores = predictions.stream().mapToDouble(RiskPrediction::riskScore).toArray();
      return Metrics.of(labels, scores, manifest.threshold()).f1();
    }
  }
}
