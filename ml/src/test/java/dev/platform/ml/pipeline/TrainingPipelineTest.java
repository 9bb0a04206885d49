package dev.platform.ml.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.TestData;
import dev.platform.ml.TestRuns;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.predict.Predictor;
import dev.platform.ml.predict.RiskPrediction;
import dev.platform.ml.train.ModelFiles;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainedModel;
import dev.platform.ml.train.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the steps the workflow's activities call ({@link TestRuns}: prepare, profile, the four
 * models, bundle) on a 30,000-row sample of the dev data, with the small test grid; the candidates
 * are loaded back from their folders.
 */
class TrainingPipelineTest {
  @TempDir static Path dir;
  static PreparedData data;
  static RunFolder run;
  static final Map<ModelKind, Candidate> candidates = new EnumMap<>(ModelKind.class);

  @BeforeAll
  static void train() throws Exception {
    Path sample = TestData.devSample(dir, 30_000);
    data = PreparedData.of(HeartDataset.load(sample.toString()));
    run = TestRuns.train(sample.toString(), dir.resolve("out"), TrainingSettings.smallGrid());
    PreparedRun prepared = PreparedRun.read(run.prepared());
    for (ModelKind kind : ModelKind.values()) {
      candidates.put(kind, CandidateFolder.load(run.candidate(kind.id()), prepared));
    }
  }

  @AfterAll
  static void close() {
    candidates.values().forEach(candidate -> candidate.model().close());
  }

  @Test
  void theRunWritesEveryOutputAndTheSameSplitAsPreparingInMemory() throws Exception {
    Path out = dir.resolve("out");
    for (String file :
        List.of(
            "prepared/prepared.json",
            "profile/profile.json",
            "profile/top_risk.png",
            "metrics.json",
            "report.md",
            "charts/roc_curves.png",
            "model/bundle.json",
            RunFolder.TEST_SPLIT)) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    PreparedRunTest.assertSameSet(data.test(), PreparedRun.read(out.resolve("prepared")).test());
    assertEquals(4, candidates.size());
  }

  @Test
  void xgboostReachesRocAucAboveSeventyEightHundredthsOnTheTestSplit() {
    double auc = candidates.get(ModelKind.XGBOOST).report().testAtThreshold().rocAuc();
    assertTrue(auc > 0.78, "XGBoost test ROC AUC " + auc);
  }

  @Test
  void tunedThresholdFindsFarMorePositivesThanHalf() {
    for (Candidate candidate : candidates.values()) {
      var report = candidate.report();
      assertTrue(report.threshold() < 0.5, report.model() + " threshold " + report.threshold());
      assertTrue(
          report.testAtThreshold().recall() > 2 * report.testAtHalf().recall(),
          report.model() + " recall " + report.testAtThreshold().recall());
    }
  }

  @Test
  void everyModelRoundTripsThroughItsOwnFileFormat() throws Exception {
    for (Candidate candidate : candidates.values()) {
      TrainedModel model = candidate.model();
      Path folder = Files.createDirectories(dir.resolve("roundtrip-" + model.kind().id()));
      String file = model.save(folder);
      assertEquals(ModelFiles.fileName(model.kind()), file);
      TrainedModel loaded =
          ModelFiles.load(
              model.kind(), folder.resolve(file), model.settings(), data.encoding().columnNames());
      assertArrayEquals(model.predict(data.test()), loaded.predict(data.test()), 1e-7);
    }
  }

  @Test
  void bundleSaveThenLoadGivesIdenticalScores() throws Exception {
    List<Candidate> all = new ArrayList<>(candidates.values());
    ModelBundle bundle = BundleBuilder.build(data, all, Instant.parse("2026-11-26T12:00:00Z"));
    Path folder = dir.resolve("bundle");
    bundle.write(folder);

    Predictor predictor = Predictor.load(folder);
    BundleManifest manifest = predictor.manifest();
    Candidate serving = BundleBuilder.best(all);
    assertEquals(serving.report().model(), manifest.model());
    assertEquals(4, manifest.models().size());
    assertEquals(64, manifest.dataSha256().length());
    assertEquals(data.test().rows(), manifest.rows().test());
    assertTrue(manifest.versionId().startsWith("20261126T120000Z-"));

    List<LabeledRecord> test = data.split().test();
    List<RiskPrediction> batch =
        predictor.predictAll(test.stream().map(LabeledRecord::features).toList());
    for (int i = 0; i < test.size(); i++) {
      assertEquals(serving.testScores()[i], batch.get(i).riskScore(), 1e-7);
      RiskPrediction single = predictor.predict(test.get(i).features());
      assertEquals(batch.get(i).riskScore(), single.riskScore(), 1e-7);
      assertEquals(single.riskScore() >= manifest.threshold() ? 1 : 0, single.prediction());
    }
  }
}
