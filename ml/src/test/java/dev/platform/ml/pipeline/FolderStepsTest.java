package dev.platform.ml.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.TestData;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.predict.Predictor;
import dev.platform.ml.predict.RiskPrediction;
import dev.platform.ml.profile.HeartProfile;
import dev.platform.ml.profile.ProfileWriter;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps the workflow's activities call, each reading the run folder that the one before wrote:
 * prepare, profile and the four trainings from the prepared folder, then the bundle.
 */
class FolderStepsTest {

  @Test
  void prepareOnceThenProfileTrainAndBundleFromTheFolder(@TempDir Path dir) throws Exception {
    Path source = TestData.devSample(dir, 10_000);
    Path run = dir.resolve("run");
    Path prepared = run.resolve("prepared");
    PreparedRun.prepare(source.toString(), prepared);
    int rowsKept = HeartDataset.load(source.toString()).records().size();
    Files.delete(source); // every later step reads the prepared folder, never the CSV again

    HeartProfile profile = ProfileStep.profile(prepared, run.resolve("profile"));
    assertEquals(rowsKept, profile.rows());
    assertTrue(Files.isRegularFile(run.resolve("profile").resolve(ProfileWriter.JSON)));

    TrainingSettings settings = TrainingSettings.smallGrid();
    List<Path> candidates = new ArrayList<>();
    List<String> stages = new ArrayList<>();
    for (ModelKind kind : ModelKind.values()) {
      Path folder = run.resolve("candidates").resolve(kind.id());
      ModelReport report = CandidateFolder.train(prepared, kind, settings, folder, stages::add);
      assertEquals(kind.id(), report.model());
      candidates.add(folder);
    }
    assertTrue(stages.contains("training xgboost"), stages.toString());

    Path xgboostReport = candidates.get(3).resolve(CandidateFolder.REPORT_FILE);
    FileTime written = Files.getLastModifiedTime(xgboostReport);
    List<String> retried = new ArrayList<>();
    ModelReport again =
        CandidateFolder.train(
            prepared, ModelKind.XGBOOST, settings, candidates.get(3), retried::add);
    assertEquals(List.of(), retried, "a finished candidate is not trained again");
    assertEquals(written, Files.getLastModifiedTime(xgboostReport));
    assertEquals("xgboost", again.model());

    Path bundleFolder = run.resolve("bundle");
    BundleManifest manifest =
        BundleStep.build(
            prepared, candidates, Instant.parse("2026-11-27T06:00:00Z"), run, bundleFolder);
    assertEquals(4, manifest.models().size());
    assertTrue(manifest.versionId().startsWith("20261127T060000Z-"));
    assertTrue(Files.isRegularFile(run.resolve("report.md")));
    assertTrue(Files.isRegularFile(run.resolve(RunFolder.TEST_SPLIT)));

    List<LabeledRecord> testRows =
        HeartDataset.load(run.resolve(RunFolder.TEST_SPLIT).toString()).records();
    assertEquals(manifest.rows().test(), testRows.size());
    Predictor predictor = Predictor.load(bundleFolder);
    List<RiskPrediction> predictions =
        predictor.predictAll(testRows.stream().map(LabeledRecord::features).toList());
    long positives = predictions.stream().filter(p -> p.prediction() == 1).count();
    assertTrue(positives > 0, "the tuned threshold finds positives");
    predictor.close();
    predictor.close();
    IllegalStateException closed =
        assertThrows(
            IllegalStateException.class, () -> predictor.predict(testRows.get(0).features()));
    assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
  }
}
