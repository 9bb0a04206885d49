package dev.platform.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.TestData;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.pipeline.PreparedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grid grown once per depth, the settings it honours, and who frees the booster. */
class XGBoostTrainerTest {
  @TempDir static Path dir;
  static PreparedData data;

  @BeforeAll
  static void prepare() throws Exception {
    data = PreparedData.of(HeartDataset.load(TestData.devSample(dir, 8_000).toString()));
  }

  @Test
  void theChosenModelIsTheOneAFreshFitOfTheChosenRoundsGives() throws Exception {
    TrainingSettings settings = TrainingSettings.smallGrid();
    try (TrainedModel model =
        new XGBoostTrainer(settings)
            .train(data.train(), data.validation(), data.encoding().columnNames())) {
      Map<String, Object> chosen = model.settings();
      int rounds = (Integer) chosen.get("rounds");
      assertTrue(settings.xgboostDepths().contains((Integer) chosen.get("max_depth")));
      assertEquals(0, rounds % settings.xgboostRoundStep());
      assertEquals(1, chosen.get("nthread"), "threads per fit from the settings");

      Map<String, Object> params = new LinkedHashMap<>(chosen);
      params.remove("rounds");
      params.remove("validation_auc");
      DMatrix train = XGBoostTrainer.matrix(data.train());
      Booster refit = XGBoost.train(train, params, rounds, Map.of(), null, null);
      try {
        double[] expected =
            XGBoostTrainer.firstColumn(
                refit.inplace_predict(
                    data.test().features(), data.test().rows(), data.test().width(), Float.NaN));
        assertArrayEquals(expected, model.predict(data.test()), 1e-6);
      } finally {
        refit.dispose();
        train.dispose();
      }
    }
  }

  @Test
  void everyTrainerUsesTheSettingsThreadsAndSeed() {
    TrainingSettings settings = TrainingSettings.smallGrid().withThreadsPerFit(1);
    try (TrainedModel forest =
        ModelTrainer.forKind(ModelKind.RANDOM_FOREST, settings)
            .train(data.train(), data.validation(), data.encoding().columnNames())) {
      assertEquals(1, forest.settings().get("nthread"));
      assertEquals(settings.randomForestTrees(), forest.settings().get("num_parallel_tree"));
      assertEquals(settings.seed(), forest.settings().get("seed"));
    }
  }

  @Test
  void aClosedModelSaysSoAndClosingTwiceIsHarmless() {
    TrainedModel model =
        ModelTrainer.forKind(ModelKind.RANDOM_FOREST, TrainingSettings.smallGrid())
            .train(data.train(), data.validation(), data.encoding().columnNames());
    double[] before = model.predict(data.test());
    assertEquals(data.test().rows(), before.length);
    model.close();
    model.close();
    assertTrue(((XGBoostModel) model).isClosed());
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> model.predict(data.test()));
    assertTrue(error.getMessage().contains("closed"), error.getMessage());
    assertThrows(IllegalStateException.class, () -> model.predictOne(new float[44]));
  }

  @Test
  void settingsRejectAnEmptyGridAndZeroThreads() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TrainingSettings(List.of(), 10, 5, 0, 10, 1, 1, 42));
    assertThrows(
        IllegalArgumentException.class, () -> TrainingSettings.defaults().withThreadsPerFit(0));
    assertEquals(List.of(4, 5, 6), TrainingSettings.defaults().xgboostDepths());
    assertEquals(300, TrainingSettings.defaults().xgboostMaxRounds());
    assertEquals(2, TrainingSettings.forCores(2).parallelFits());
    assertEquals(1, TrainingSettings.forCores(2).threadsPerFit(), "two fits share two cores");
    assertEquals(4, TrainingSettings.forCores(8).threadsPerFit());
  }
}
