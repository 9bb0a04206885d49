package dev.platform.api;

import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.pipeline.Candidate;
import dev.platform.ml.pipeline.TrainingRun;
import dev.platform.ml.train.ModelKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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

  public static Path devHeartFile() {
    String dir = System.getProperty("shared.data.dir", "../../shared/data");
    Path file = Path.of(dir, "heart", "heart_2020_cleaned.dev.csv.gz");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("shared data not found at " + file.toAbsolutePath());
    }
    return file;
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
      deleteRecursively(bundleDir);
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
      deleteRecursively(runDir);
      Files.createDirectories(runDir);
      Path sample = sample(runDir, rows);
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
    deleteRecursively(scratch);
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

  private static Path sample(Path dir, int rows) throws IOException {
    Path sample = dir.resolve("heart_sample_" + rows + ".csv.gz");
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(devHeartFile())),
                    StandardCharsets.UTF_8));
        Writer out =
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(sample)), StandardCharsets.UTF_8)) {
      String line = in.readLine();
      for (int n = 0; line != null && n <= rows; n++, line = in.readLine()) {
        out.write(line);
        out.write('\n');
      }
    }
    return sample;
  }

  static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}
