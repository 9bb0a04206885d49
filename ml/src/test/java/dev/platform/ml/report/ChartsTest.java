package dev.platform.ml.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.eval.ConfusionMatrix;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.eval.Roc;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  @TempDir Path dir;

  private static BufferedImage readPng(Path png) throws IOException {
    assertTrue(Files.isRegularFile(png), png + " missing");
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, png + " is not a readable image");
    return image;
  }

  /** A blank or single-colour image would mean nothing was drawn. */
  private static void assertDrawn(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 5, "only " + colours.size() + " colours");
  }

  private static Metrics metrics(double accuracy, double precision, double recall, double f1) {
    return new Metrics(0.5, accuracy, precision, recall, f1, 0.8, 0.1, null);
  }

  @Test
  void groupedBarsWritesPngAndCreatesFolders() throws IOException {
    Path png = dir.resolve("a/b/bars.png");
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("2019", List.of(3.0, 5.0, 2.0));
    series.put("2020", List.of(4.0, 1.0, 6.0));

    Charts.groupedBars(
        "Visits", "count", List.of("a very long category name", "b", "c"), series, png);

    BufferedImage image = readPng(png);
    assertEquals(900, image.getWidth());
    assertEquals(600, image.getHeight());
    assertDrawn(image);
  }

  @Test
  void groupedBarsRejectsSeriesOfWrongLength() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Charts.groupedBars(
                "t", "y", List.of("a", "b"), Map.of("s", List.of(1.0)), dir.resolve("x.png")));
    assertFalse(Files.exists(dir.resolve("x.png")));
  }

  @Test
  void modelMetricsWritesPng() throws IOException {
    Map<String, Metrics> byModel = new LinkedHashMap<>();
    byModel.put("logistic regression", metrics(0.75, 0.22, 0.78, 0.34));
    byModel.put("decision tree", metrics(0.72, 0.20, 0.75, 0.31));
    byModel.put("random forest", metrics(0.74, 0.21, 0.77, 0.33));
    byModel.put("xgboost", metrics(0.76, 0.23, 0.79, 0.35));
    Path png = dir.resolve("metrics.png");

    Charts.modelMetrics(byModel, png);

    BufferedImage image = readPng(png);
    assertEquals(900, image.getWidth());
    assertEquals(600, image.getHeight());
    assertDrawn(image);
  }

  @Test
  void confusionGridWritesPngAndRejectsTooManyModels() throws IOException {
    Map<String, ConfusionMatrix> byModel = new LinkedHashMap<>();
    byModel.put("logistic regression", new ConfusionMatrix(4_300, 14_700, 43_800, 1_200));
    byModel.put("decision tree", new ConfusionMatrix(4_100, 16_000, 42_500, 1_400));
    byModel.put("random forest", new ConfusionMatrix(4_200, 15_100, 43_400, 1_300));
    Path png = dir.resolve("confusion.png");

    Charts.confusionGrid(byModel, png);

    BufferedImage image = readPng(png);
    assertEquals(900, image.getWidth());
    assertEquals(700, image.getHeight());
    assertDrawn(image);

    byModel.put("xgboost", new ConfusionMatrix(1, 2, 3, 4));
    byModel.put("fifth", new ConfusionMatrix(1, 2, 3, 4));
    assertThrows(
        IllegalArgumentException.class,
        () -> Charts.confusionGrid(byModel, dir.resolve("five.png")));
  }

  @Test
  void rocCurvesWritesPngAndNamesSeriesWithAuc() throws IOException {
    int[] labels = {0, 0, 1, 1, 0, 1, 0, 1, 1, 0};
    double[] good = {0.1, 0.2, 0.8, 0.7, 0.3, 0.9, 0.4, 0.6, 0.35, 0.5};
    double[] weak = {0.5, 0.2, 0.4, 0.7, 0.6, 0.3, 0.1, 0.8, 0.35, 0.9};
    Map<String, List<Roc.Point>> curves = new LinkedHashMap<>();
    curves.put("good", Roc.curve(labels, good, 100));
    curves.put("weak", Roc.curve(labels, weak, 100));
    Map<String, Double> auc = Map.of("good", Roc.auc(labels, good), "weak", Roc.auc(labels, weak));
    Path png = dir.resolve("roc/roc.png");

    Charts.rocCurves(curves, auc, png);

    BufferedImage image = readPng(png);
    assertEquals(900, image.getWidth());
    assertEquals(600, image.getHeight());
    assertDrawn(image);
    assertEquals("xgboost (AUC 0.834)", Charts.rocSeriesName("xgboost", 0.83412));
    assertEquals("xgboost", Charts.rocSeriesName("xgboost", null));
  }

  @Test
  void horizontalRankingWritesPngAndGrowsWithManyLabels() throws IOException {
    Path few = dir.resolve("few.png");
    Charts.horizontalRanking(
        "Mutual information",
        "nats",
        List.of("agecategory", "genhealth", "diffwalking"),
        List.of(0.031, 0.025, 0.017),
        few);
    BufferedImage small = readPng(few);
    assertEquals(900, small.getWidth());
    assertEquals(600, small.getHeight());
    assertDrawn(small);

    List<String> labels = IntStream.range(0, 40).mapToObj(i -> "feature " + i).toList();
    List<Double> values = IntStream.range(0, 40).mapToObj(i -> 40.0 - i).toList();
    Path many = dir.resolve("many.png");
    Charts.horizontalRanking("Forty", "value", labels, values, many);
    assertTrue(readPng(many).getHeight() > 600);
  }

  @Test
  void horizontalRankingRejectsBadValues() {
    Path png = dir.resolve("bad.png");
    assertThrows(
        IllegalArgumentException.class,
        () -> Charts.horizontalRanking("t", "x", List.of("a"), List.of(-1.0), png));
    assertThrows(
        IllegalArgumentException.class,
        () -> Charts.horizontalRanking("t", "x", List.of("a", "b"), List.of(1.0), png));
  }

  @Test
  void niceCeilingRoundsUpToReadableScale() {
    assertEquals(0.05, RankingChart.niceCeiling(0.031), 1e-12);
    assertEquals(2.5, RankingChart.niceCeiling(2.2), 1e-12);
    assertEquals(10, RankingChart.niceCeiling(10), 1e-12);
    assertEquals(1, RankingChart.niceCeiling(0), 1e-12);
  }
}
