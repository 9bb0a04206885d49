package dev.platform.api;

import dev.platform.ml.TestData;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.io.Folders;
import dev.platform.ml.pipeline.Candidate;
import dev.platform.ml.pipeline.TrainingRun;
import dev.platform.ml.train.ModelKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model bundles trained once per test JVM on samples of the shared dev data (never copied into the
 * project), each rewritten to serve a chosen model so tests do not depend on which model won.
 */
public final class TestBundles {
  private static final Logger LOG = LoggerFactory.getLogger(TestBundles.class);
  private static final Path ROOT = Path.of("target", "test-bundles");
  private static final Map<String, Path> BUNDLES = new HashMap<>();

  private TestBundles() {}

  /** Trained on the first 8,000 rows, serving XGBoost. */
  public static Path xgboost() {
    return bundle("a", 8_000, ModelKind.XGBOOST);
  }

  /** Trained on the first 6,000 rows (so another version id), serving a random forest. */
  public static Path randomForest() {
    return bundle("b", 6_000, ModelKind.RANDOM_FOREST);
  }

  /** Trained on the first 8,000 rows, serving logistic regression (no explanations). */
  public static Path logisticRegression() {
    return bundle("a", 8_000, ModelKind.LOGISTIC_REGRESSION);
  }

  private static synchronized Path bundle(String run, int rows, ModelKind serving) {
    String key = run + "-" + serving.id();
    Path existing = BUNDLES.get(key);
    if (existing != null) {
      return existing;
    }
    try {
      Path runDir = ROOT.resolve(run).toAbsolutePath();
      TrainingRun.Outcome outcome = TRAINED.computeIfAbsent(run, r -> train(runDir, rows));
      Path bundleDir = runDir.resolve("serving-" + serving.id());
      Folders.deleteRecursively(bundleDir);
      rewrite(outcome, serving).write(bundleDir, outcome.outputDirectory());
      BUNDLES.put(key, bundleDir);
      return bundleDir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Map<String, TrainingRun.Outcome> TRAINED = new HashMap<>();

  private static TrainingRun.Outcome train(Path runDir, int rows) {
    try {
      Folders.deleteRecursively(runDir);
      Files.createDirectories(runDir);
      Path sample = TestData.devSample(runDir, rows);
      return TrainingRun.run(sample.toString(), runDir.resolve("out"), LOG::info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The trained bundle with {@code serving} as its model, calibration and threshold. */
  private static ModelBundle rewrite(TrainingRun.Outcome outcome, ModelKind serving)
      throws IOException {
    Candidate candidate =
        outcome.candidates().stream()
            .filter(c -> c.model().kind() == serving)
            .findFirst()
            .orElseThrow();
    BundleManifest trained = outcome.bundle().manifest();
    Path scratch = Files.createTempDirectory(ROOT.toAbsolutePath(), "file-name-");
    String modelFile = candidate.model().save(scratch);
    Folders.deleteRecursively(scratch);
    BundleManifest manifest =
        new BundleManifest(
            trained.formatVersion(),
            trained.versionId() + "-" + serving.id(),
            trained.createdAt(),
            serving.id(),
            modelFile,
            candidate.model().settings(),
            trained.dataSource(),
            trained.dataSha256(),
            trained.rows(),
            trained.encoding(),
            candidate.report().calibration(),
            candidate.report().threshold(),
            trained.models());
    return new ModelBundle(manifest, candidate.model());
  }
}
