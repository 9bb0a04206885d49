package dev.platform.api;

import dev.platform.core.io.Folders;
import dev.platform.ml.TestData;
import dev.platform.ml.TestRuns;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.pipeline.CandidateFolder;
import dev.platform.ml.pipeline.PreparedRun;
import dev.platform.ml.pipeline.RunFolder;
import dev.platform.ml.train.ModelFiles;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainedModel;
import dev.platform.ml.train.TrainingSettings;
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
 * project) by the steps the training workflow runs ({@link TestRuns}), each rewritten to serve a
 * chosen model so tests do not depend on which model won.
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
      RunFolder trained = TRAINED.computeIfAbsent(run, r -> train(runDir, rows));
      Path bundleDir = runDir.resolve("serving-" + serving.id());
      Folders.deleteRecursively(bundleDir);
      writeServing(trained, serving, bundleDir);
      BUNDLES.put(key, bundleDir);
      return bundleDir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Map<String, RunFolder> TRAINED = new HashMap<>();

  private static RunFolder train(Path runDir, int rows) {
    try {
      Folders.deleteRecursively(runDir);
      Files.createDirectories(runDir);
      Path sample = TestData.devSample(runDir, rows);
      LOG.info("training the test bundles' run on {} rows", rows);
      return TestRuns.train(sample.toString(), runDir.resolve("out"), TrainingSettings.smallGrid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run's bundle with {@code serving} as its model, calibration and threshold. */
  private static void writeServing(RunFolder run, ModelKind serving, Path bundleDir)
      throws IOException {
    try (TrainedModel model =
        CandidateFolder.load(run.candidate(serving.id()), PreparedRun.read(run.prepared()))
            .model()) {
      ModelReport report = CandidateFolder.readReport(run.candidate(serving.id()));
      BundleManifest trained = ModelBundle.readManifest(run.bundle());
      BundleManifest manifest =
          new BundleManifest(
              trained.formatVersion(),
              trained.versionId() + "-" + serving.id(),
              trained.createdAt(),
              serving.id(),
              ModelFiles.fileName(serving),
              model.settings(),
              trained.dataSource(),
              trained.dataSha256(),
              trained.rows(),
              trained.encoding(),
              report.calibration(),
              report.threshold(),
              trained.models());
      new ModelBundle(manifest, model).write(bundleDir, run.folder());
    }
  }
}
