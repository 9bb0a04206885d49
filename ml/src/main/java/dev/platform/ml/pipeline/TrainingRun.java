package dev.platform.ml.pipeline;

import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The whole heart-model pipeline in one process: prepare (read, validate, de-duplicate, split,
 * encode) once, then profile beside training the four models ({@link
 * TrainingSettings#parallelFits()} at a time), evaluate, report and write the bundle.
 *
 * <p>Output folder: {@code prepared/} (see {@link PreparedRun}), {@code model/} (the bundle),
 * {@code metrics.json}, {@code report.md}, {@code charts/}, {@code profile/}, and {@code
 * splits/test.csv.gz}, the rows no model has seen.
 *
 * <p>Not the platform's pipeline: {@code platform train} (workflow or {@code --direct}) runs the
 * activities of {@code dev.platform.heart} in the order of {@code HeartTrainingSteps}. This class
 * stays as a quick in-memory fixture for tests of the serving side (api, azure-function) and for
 * {@link TrainingBenchmark}; the file names below are the run folder's, shared with the activities.
 *
 * <p>The orchestrated pipeline runs the same steps as activities: {@link PreparedRun#prepare},
 * {@link ProfileStep#profile(Path, Path)}, {@link CandidateFolder#train(Path, ModelKind,
 * TrainingSettings, Path, Consumer)} per model, {@link BundleStep#build(Path, List, Instant, Path,
 * Path)}.
 */
public final class TrainingRun {
  public static final String MODEL_DIR = "model";
  public static final String PREPARED_DIR = "prepared";
  public static final String PROFILE_DIR = "profile";
  public static final String TEST_SPLIT = "splits/test.csv.gz";

  /** The models, trained longest first so that the parallel fits end close together. */
  private static final List<ModelKind> TRAINING_ORDER =
      List.of(
          ModelKind.XGBOOST,
          ModelKind.LOGISTIC_REGRESSION,
          ModelKind.RANDOM_FOREST,
          ModelKind.DECISION_TREE);

  /**
   * What a run produced. The candidates' models (one of them the bundle's) stay open for the
   * caller, who closes them with {@link #close()}.
   */
  public record Outcome(ModelBundle bundle, List<Candidate> candidates, Path outputDirectory)
      implements AutoCloseable {
    @Override
    public void close() {
      BundleStep.closeAll(candidates);
    }
  }

  private TrainingRun() {}

  public static Outcome run(String source, Path out, Consumer<String> progress) throws IOException {
    return run(source, out, TrainingSettings.defaults(), progress);
  }

  public static Outcome run(
      String source, Path out, TrainingSettings settings, Consumer<String> progress)
      throws IOException {
    HeartDataset dataset = HeartDataset.load(source);
    progress.accept(dataset.summary().toString());
    PreparedRun run = PreparedRun.prepare(dataset, out.resolve(PREPARED_DIR));
    progress.accept(
        "split %,d / %,d / %,d (train / validation / test), %d encoded columns"
            .formatted(
                run.train().rows(),
                run.validation().rows(),
                run.test().rows(),
                run.encoding().width()));

    ExecutorService profiling = Executors.newSingleThreadExecutor(daemon("profile"));
    ExecutorService fits = Executors.newFixedThreadPool(settings.parallelFits(), daemon("fit"));
    Map<ModelKind, Candidate> trained = new ConcurrentHashMap<>();
    try {
      Future<?> profile =
          profiling.submit(
              () -> {
                ProfileStep.profile(dataset.records(), out.resolve(PROFILE_DIR));
                progress.accept("profile written to " + out.resolve(PROFILE_DIR));
                return null;
              });
      List<CompletableFuture<Void>> trainings = new ArrayList<>();
      for (ModelKind kind : TRAINING_ORDER) {
        trainings.add(
            CompletableFuture.runAsync(
                () -> {
                  Candidate candidate = ModelEvaluator.trainAndEvaluate(run, kind, settings);
                  trained.put(kind, candidate);
                  progress.accept(
                      "trained %-20s in %6.2f s (validation F1 %.4f)"
                          .formatted(
                              kind.id(),
                              candidate.report().trainSeconds(),
                              candidate.report().validation().f1()));
                },
                fits));
      }
      CompletableFuture.allOf(trainings.toArray(CompletableFuture[]::new)).join();
      profile.get();
    } catch (CompletionException e) {
      BundleStep.closeAll(List.copyOf(trained.values()));
      throw rethrow(e.getCause());
    } catch (java.util.concurrent.ExecutionException e) {
      BundleStep.closeAll(List.copyOf(trained.values()));
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      BundleStep.closeAll(List.copyOf(trained.values()));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training", e);
    } finally {
      fits.shutdownNow();
      profiling.shutdownNow();
    }

    List<Candidate> candidates = new ArrayList<>();
    for (ModelKind kind : ModelKind.values()) {
      candidates.add(trained.get(kind));
    }
    try {
      Path modelDirectory = out.resolve(MODEL_DIR);
      ModelBundle bundle = BundleStep.write(run, candidates, Instant.now(), out, modelDirectory);
      progress.accept(
          "bundle %s (serving %s) written to %s"
              .formatted(bundle.manifest().versionId(), bundle.manifest().model(), modelDirectory));
      return new Outcome(bundle, candidates, out);
    } catch (IOException | RuntimeException e) {
      BundleStep.closeAll(candidates);
      throw e;
    }
  }

  private static RuntimeException rethrow(Throwable cause) throws IOException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof UncheckedIOException unchecked) {
      throw unchecked.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, "training-" + name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
