package dev.platform.ml.pipeline;

import dev.platform.core.io.Folders;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.report.ReportWriter;
import dev.platform.ml.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's last step: chooses the serving model among the trained candidates, writes the report
 * ({@code metrics.json}, {@code report.md}, {@code charts/}) and {@code splits/test.csv.gz} into
 * the run folder, and the bundle into its own folder.
 */
public final class BundleStep {
  private BundleStep() {}

  /**
   * Builds the bundle from candidate folders written by {@link CandidateFolder}; every model it
   * loads is closed before it returns.
   *
   * @param bundleFolder replaced when it exists
   */
  public static BundleManifest build(
      PreparedRun run,
      List<Path> candidateFolders,
      Instant created,
      Path runFolder,
      Path bundleFolder)
      throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    try {
      for (Path folder : candidateFolders) {
        candidates.add(CandidateFolder.load(folder, run));
      }
      return write(run, candidates, created, runFolder, bundleFolder).manifest();
    } finally {
      closeAll(candidates);
    }
  }

  /** {@link #build(PreparedRun, List, Instant, Path, Path)} reading the prepared folder. */
  public static BundleManifest build(
      Path preparedFolder,
      List<Path> candidateFolders,
      Instant created,
      Path runFolder,
      Path bundleFolder)
      throws IOException {
    return build(
        PreparedRun.read(preparedFolder), candidateFolders, created, runFolder, bundleFolder);
  }

  /**
   * Writes report, test rows and bundle for candidates in memory. The returned bundle shares the
   * chosen candidate's model, which stays open: the candidates' owner closes them.
   */
  public static ModelBundle write(
      PreparedRun run,
      List<Candidate> candidates,
      Instant created,
      Path runFolder,
      Path bundleFolder)
      throws IOException {
    ModelBundle bundle = BundleBuilder.build(run, candidates, created);
    ReportWriter.write(bundle.manifest(), candidates, run.test().labels(), runFolder);
    Path testRows = runFolder.resolve(RunFolder.TEST_SPLIT);
    Files.createDirectories(testRows.getParent());
    Files.copy(run.testRowsCsv(), testRows, StandardCopyOption.REPLACE_EXISTING);
    Folders.deleteRecursively(bundleFolder);
    bundle.write(bundleFolder, runFolder);
    return bundle;
  }

  /** Closes every candidate's model. */
  static void closeAll(List<Candidate> candidates) {
    candidates.stream().map(Candidate::model).forEach(TrainedModel::close);
  }
}
