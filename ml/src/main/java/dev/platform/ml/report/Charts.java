package dev.platform.ml.report;

import dev.platform.ml.eval.ConfusionMatrix;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.eval.Roc;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG chart writers for profiling and evaluation reports. Every method creates the parent folders
 * of its target file and works in a headless JVM.
 */
public final class Charts {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 600;

  /** Category labels longer than this (or too many categories) are drawn rotated. */
  private static final int LONG_LABEL = 10;

  private static final List<String> METRIC_NAMES = List.of("accuracy", "precision", "recall", "F1");

  private Charts() {}

  /** A vertical bar chart with one bar group per category and one bar per series in each group. */
  public static void groupedBars(
      String title,
      String yTitle,
      List<String> categories,
      Map<String, List<Double>> seriesByName,
      Path png)
      throws IOException {
    save(barChart(title, "", yTitle, categories, seriesByName), png);
  }

  /** Accuracy, precision, recall and F1 of each model, one bar series per model in map order. */
  public static void modelMetrics(Map<String, Metrics> byModel, Path png) throws IOException {
    Map<String, List<Double>> series = new LinkedHashMap<>();
    byModel.forEach(
        (model, metrics) ->
            series.put(
                model,
                List.of(metrics.accuracy(), metrics.precision(), metrics.recall(), metrics.f1())));
    CategoryChart chart = barChart("Model metrics", "metric", "score", METRIC_NAMES, series);
    // The bar value labels use the y axis pattern, so it needs two decimals to tell models apart.
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.00");
    chart.getStyler().setLabelsVisible(true).setLabelsRotation(90).setLabelsPosition(0.9);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    save(chart, png);
  }

  /** Confusion matrices of up to four models, in map order, on a 2x2 grid. */
  public static void confusionGrid(Map<String, ConfusionMatrix> byModel, Path png)
      throws IOException {
    ConfusionGridChart.write(byModel, png);
  }

  /** ROC curves, one line per model named "model (AUC 0.834)", and the chance diagonal. */
  public static void rocCurves(
      Map<String, List<Roc.Point>> curvesByModel, Map<String, Double> aucByModel, Path png)
      throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("ROC curves")
            .xAxisTitle("false positive rate")
            .yAxisTitle("true positive rate")
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
    chart.getStyler().setMarkerSize(0);
    curvesByModel.forEach(
        (model, points) -> {
          if (points.isEmpty()) {
            throw new IllegalArgumentException("no ROC points for " + model);
          }
          List<Double> x = new ArrayList<>();
          List<Double> y = new ArrayList<>();
          for (Roc.Point point : points) {
            x.add(point.falsePositiveRate());
            y.add(point.truePositiveRate());
          }
          XYSeries series = chart.addSeries(rocSeriesName(model, aucByModel.get(model)), x, y);
          series.setMarker(SeriesMarkers.NONE);
        });
    XYSeries diagonal = chart.addSeries("chance", List.of(0.0, 1.0), List.of(0.0, 1.0));
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineStyle(SeriesLines.DASH_DASH);
    diagonal.setLineColor(java.awt.Color.GRAY);
    save(chart, png);
  }

  /**
   * Horizontal bars, first label on top, for rankings such as the top risk values or mutual
   * information. Values must be finite and not negative.
   */
  public static void horizontalRanking(
      String title, String xTitle, List<String> labels, List<Double> values, Path png)
      throws IOException {
    RankingChart.write(title, xTitle, labels, values, png);
  }

  static String rocSeriesName(String model, Double auc) {
    return auc == null || auc.isNaN()
        ? model
        : String.format(Locale.ROOT, "%s (AUC %.3f)", model, auc);
  }

  private static CategoryChart barChart(
      String title,
      String xTitle,
      String yTitle,
      List<String> categories,
      Map<String, List<Double>> seriesByName) {
    if (categories.isEmpty() || seriesByName.isEmpty()) {
      throw new IllegalArgumentException("a bar chart needs categories and at least one series");
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setAvailableSpaceFill(0.8).setOverlapped(false);
    // XChart's default switches to 2.4E5-style numbers for counts.
    chart.getStyler().setYAxisDecimalPattern("#,##0.###");
    chart.getStyler().setLegendVisible(seriesByName.size() > 1);
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    boolean longLabels =
        categories.size() > 8 || categories.stream().anyMatch(c -> c.length() > LONG_LABEL);
    if (longLabels) {
      chart.getStyler().setXAxisLabelRotation(45);
    }
    seriesByName.forEach(
        (name, values) -> {
          if (values.size() != categories.size()) {
            throw new IllegalArgumentException(
                "series %s has %d values for %d categories"
                    .formatted(name, values.size(), categories.size()));
          }
          chart.addSeries(name, categories, values);
        });
    return chart;
  }

  private static void save(Chart<?, ?> chart, Path png) throws IOException {
    createParent(png);
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    }
  }

  static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
