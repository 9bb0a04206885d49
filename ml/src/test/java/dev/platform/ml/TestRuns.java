package dev.platform.ml;

import dev.platform.ml.pipeline.RunFolder;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A training run for tests that need one (a bundle to serve, candidates to compare): the steps of
 * {@link RunFolder} that the workflow's activities run, called in the workflow's order, one model
 * after the other.
 */
public final class TestRuns {
  private TestRuns() {}

  /** Every model of {@link ModelKind}, trained on {@code source} with {@code settings}. */
  public static RunFolder train(String source, Path folder, TrainingSettings settings)
      throws IOException {
    RunFolder run = new RunFolder(folder);
    run.prepare(source);
    run.profile();
    List<String> models = Arrays.stream(ModelKind.values()).map(ModelKind::id).toList();
    for (ModelKind kind : ModelKind.values()) {
      run.train(kind, settings, stage -> {});
    }
    run.buildBundle(models, Instant.now());
    return run;
  }
}
