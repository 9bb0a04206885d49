package dev.platform.ml.pipeline;

import dev.platform.core.io.Folders;
import dev.platform.ml.bundle.Json;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.train.ModelFiles;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainedModel;
import dev.platform.ml.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * One trained model of a run on disk: the model in its library's format and {@code report.json}
 * (calibration, threshold, metrics). The folder appears whole (written beside it and renamed), so a
 * step that finds {@code report.json} knows the model finished before.
 */
public final class CandidateFolder {
  public static final String REPORT_FILE = "report.json";

  private CandidateFolder() {}

  /**
   * Trains {@code kind} on the prepared data with {@code settings} and writes it into {@code
   * folder}, unless a finished candidate is already there (then its report is returned). The model
   * is closed before returning.
   *
   * @param stage told what the step is doing ("training xgboost", ...), e.g. for heartbeats
   */
  public static ModelReport train(
      PreparedRun run,
      ModelKind kind,
      TrainingSettings settings,
      Path folder,
      Consumer<String> stage)
      throws IOException {
    Path reportFile = folder.resolve(REPORT_FILE);
    if (Files.isRegularFile(reportFile)) {
      return Json.MAPPER.readValue(reportFile.toFile(), ModelReport.class); // finished before
    }
    stage.accept("training " + kind.id());
    Candidate candidate = ModelEvaluator.trainAndEvaluate(run, kind, settings);
    try (TrainedModel model = candidate.model()) {
      stage.accept("saving " + kind.id());
      write(candidate, folder);
    }
    return candidate.report();
  }

  /** {@link #train(PreparedRun, ModelKind, TrainingSettings, Path, Consumer)} from the folder. */
  public static ModelReport train(
      Path preparedFolder,
      ModelKind kind,
      TrainingSettings settings,
      Path folder,
      Consumer<String> stage)
      throws IOException {
    if (Files.isRegularFile(folder.resolve(REPORT_FILE))) {
      return readReport(folder);
    }
    stage.accept("reading the prepared data");
    return train(PreparedRun.read(preparedFolder), kind, settings, folder, stage);
  }

  /** Writes a candidate's model and report into {@code folder}, replacing what was there. */
  public static void write(Candidate candidate, Path folder) throws IOException {
    Path target = folder.toAbsolutePath();
    Path staging =
        Files.createTempDirectory(
            Files.createDirectories(target.getParent()), "." + target.getFileName() + "-");
    try {
      candidate.model().save(staging);
      Json.MAPPER.writeValue(staging.resolve(REPORT_FILE).toFile(), candidate.report());
      Folders.deleteRecursively(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Folders.deleteRecursively(staging);
      throw e;
    }
  }

  public static ModelReport readReport(Path folder) throws IOException {
    return Json.MAPPER.readValue(folder.resolve(REPORT_FILE).toFile(), ModelReport.class);
  }

  /**
   * Loads a candidate written by {@link #write} and scores the run's test split with it (for the
   * report's ROC curves). The candidate's model is the caller's to close.
   */
  public static Candidate load(Path folder, PreparedRun run) throws IOException {
    ModelReport report = readReport(folder);
    ModelKind kind = ModelKind.fromId(report.model());
    TrainedModel model =
        ModelFiles.load(
            kind,
            folder.resolve(ModelFiles.fileName(kind)),
            report.settings(),
            run.manifest().columns());
    try {
      double[] testScores = report.calibration().applyAll(model.predict(run.test()));
      return new Candidate(report, model, testScores);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }
}
