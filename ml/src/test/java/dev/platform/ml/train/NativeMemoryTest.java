package dev.platform.ml.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.TestData;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.pipeline.PreparedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training again and again in one JVM must not grow the process: every booster and matrix of the
 * grid is freed, and the trained models are freed when closed. Resident memory (VmRSS) is read from
 * /proc/self/status.
 *
 * <p>The bound calibrates itself: the test also runs leaking rounds (models never closed, the
 * rounds' train and validation matrices never disposed) and requires the closed rounds to grow the
 * process by less than a third of what as many leaking rounds add. Measured here (10,000 rows,
 * small grid, one thread): a leaking round adds about 2 MB, six closed rounds together about 0.25
 * MB.
 */
class NativeMemoryTest {
  private static final int WARM_UP = 2;
  private static final int ROUNDS = 6;
  private static final int LEAKING_ROUNDS = 2;

  @TempDir static Path dir;

  @Test
  void trainingRepeatedlyLevelsOffWhenModelsAreClosed() throws Exception {
    PreparedData data =
        PreparedData.of(HeartDataset.load(TestData.devSample(dir, 10_000).toString()));
    TrainingSettings settings = TrainingSettings.smallGrid();
    for (int i = 0; i < WARM_UP; i++) {
      trainAndClose(data, settings);
    }
    long before = residentKb();
    for (int i = 0; i < ROUNDS; i++) {
      trainAndClose(data, settings);
    }
    long after = residentKb();

    // What leaking costs, so that the bound is known to be able to fail.
    List<TrainedModel> keptModels = new ArrayList<>();
    List<DMatrix> keptMatrices = new ArrayList<>();
    long beforeLeak = residentKb();
    for (int i = 0; i < LEAKING_ROUNDS; i++) {
      keptModels.add(train(data, settings, ModelKind.XGBOOST));
      keptModels.add(train(data, settings, ModelKind.RANDOM_FOREST));
      keptMatrices.add(XGBoostTrainer.matrix(data.train()));
      keptMatrices.add(XGBoostTrainer.matrix(data.validation()));
    }
    long afterLeak = residentKb();
    keptModels.forEach(TrainedModel::close);
    keptMatrices.forEach(DMatrix::dispose);

    long growthKb = after - before;
    long leakPerRoundKb = (afterLeak - beforeLeak) / LEAKING_ROUNDS;
    System.out.printf(
        "VmRSS %d kB -> %d kB over %d closed rounds (%+d kB); a leaking round adds %d kB%n",
        before, after, ROUNDS, growthKb, leakPerRoundKb);
    assertTrue(leakPerRoundKb > 1024, "a leak should be visible: " + leakPerRoundKb + " kB");
    assertTrue(
        growthKb < leakPerRoundKb * ROUNDS / 3,
        "resident memory grew by %d kB over %d closed rounds; %d leaking rounds would add %d kB"
            .formatted(growthKb, ROUNDS, ROUNDS, leakPerRoundKb * ROUNDS));
  }

  private static void trainAndClose(PreparedData data, TrainingSettings settings) {
    train(data, settings, ModelKind.XGBOOST).close();
    train(data, settings, ModelKind.RANDOM_FOREST).close();
    System.gc();
  }

  private static TrainedModel train(PreparedData data, TrainingSettings settings, ModelKind kind) {
    return ModelTrainer.forKind(kind, settings)
        .train(data.train(), data.validation(), data.encoding().columnNames());
  }

  static long residentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
