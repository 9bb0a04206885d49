package dev.platform.ml.pipeline;

import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.data.HeartCsvWriter;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.io.Folders;
import dev.platform.ml.profile.HeartProfiler;
import dev.platform.ml.profile.ProfileWriter;
import dev.platform.ml.report.ReportWriter;
import dev.platform.ml.train.ModelKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole heart-model pipeline in one process: read and validate, profile, split, train the four
 * models, evaluate, report and write the bundle. The orchestrated version runs the same steps as
 * separate activities.
 *
 * <p>Output folder: {@code model/} (the bundle), {@code metrics.json}, {@code report.md}, {@code
 * charts/}, {@code profile/}, and {@code splits/test.csv.gz}, the rows no model has seen.
 */
public final class TrainingRun {
  public static final String MODEL_DIR = "model";
  public static final String TEST_SPLIT = "splits/test.csv.gz";

  /** What a run produced. */
  public record Outcome(ModelBundle bundle, List<Candidate> candidates, Path outputDirectory) {}

  private TrainingRun() {}

  public static Outcome run(String source, Path out, Consumer<String> progress) throws IOException {
    HeartDataset dataset = HeartDataset.load(source);
    progress.accept(dataset.summary().toString());
    ProfileWriter.write(
        HeartProfiler.profile(
            dataset.records(), HeartProfiler.defaultMinGroupSize(dataset.records().size())),
        out.resolve("profile"));
    progress.accept("profile written to " + out.resolve("profile"));
    PreparedData data = PreparedData.of(dataset);
    progress.accept(
        "split %,d / %,d / %,d (train / validation / test), %d encoded columns"
            .formatted(
                data.train().rows(),
                data.validation().rows(),
                data.test().rows(),
                data.encoding().width()));
    HeartCsvWriter.write(data.split().test(), out.resolve(TEST_SPLIT));
    List<Candidate> candidates = new ArrayList<>();
    for (ModelKind kind : ModelKind.values()) {
      Candidate candidate = ModelEvaluator.trainAndEvaluate(data, kind);
      progress.accept(
          "trained %-20s in %6.2f s (validation F1 %.4f)"
              .formatted(
                  kind.id(),
                  candidate.report().trainSeconds(),
                  candidate.report().validation().f1()));
      candidates.add(candidate);
    }
    ModelBundle bundle = BundleBuilder.build(data, candidates, Instant.now());
    ReportWriter.write(bundle.manifest(), candidates, data.test().labels(), out);
    Path modelDirectory = out.resolve(MODEL_DIR);
    Folders.deleteRecursively(modelDirectory);
    bundle.write(modelDirectory, out);
    progress.accept(
        "bundle %s (serving %s) written to %s"
            .formatted(bundle.manifest().versionId(), bundle.manifest().model(), modelDirectory));
    return new Outcome(bundle, candidates, out);
  }
}
