package dev.platform.ml.report;

import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.Json;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.eval.ConfusionMatrix;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.eval.Roc;
import dev.platform.ml.pipeline.Candidate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a training run's {@code metrics.json}, {@code report.md} and charts. */
public final class ReportWriter {
  private ReportWriter() {}

  /** {@code metrics.json}: the serving model and every model's report. */
  public record MetricsFile(
      String versionId,
      String servingModel,
      double servingThreshold,
      Map<String, ModelReport> models) {}

  public static void write(
      BundleManifest manifest, List<Candidate> candidates, int[] testLabels, Path out)
      throws IOException {
    Files.createDirectories(out);
    Json.MAPPER.writeValue(
        out.resolve("metrics.json").toFile(),
        new MetricsFile(
            manifest.versionId(), manifest.model(), manifest.threshold(), manifest.models()));
    Map<String, Metrics> atThreshold = new LinkedHashMap<>();
    Map<String, ConfusionMatrix> confusions = new LinkedHashMap<>();
    Map<String, List<Roc.Point>> curves = new LinkedHashMap<>();
    Map<String, Double> aucs = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      String model = candidate.report().model();
      atThreshold.put(model, candidate.report().testAtThreshold());
      confusions.put(model, candidate.report().testAtThreshold().confusion());
      curves.put(model, Roc.curve(testLabels, candidate.testScores(), 400));
      aucs.put(model, candidate.report().testAtThreshold().rocAuc());
    }
    Path charts = out.resolve("charts");
    Charts.modelMetrics(atThreshold, charts.resolve("model_metrics.png"));
    Charts.confusionGrid(confusions, charts.resolve("confusion_matrices.png"));
    Charts.rocCurves(curves, aucs, charts.resolve("roc_curves.png"));
    Files.writeString(out.resolve("report.md"), markdown(manifest), StandardCharsets.UTF_8);
  }

  /** The comparison table: test metrics at each model's tuned threshold and at 0.5. */
  public static String comparisonTable(Collection<ModelReport> reports) {
    StringBuilder table = new StringBuilder();
    table.append(
        "| model | train s | threshold | val F1 | accuracy | precision | recall | F1 | ROC AUC"
            + " | Brier | F1 @0.5 | recall @0.5 |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ModelReport report : reports) {
      Metrics test = report.testAtThreshold();
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.3f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
              report.model(),
              report.trainSeconds(),
              report.threshold(),
              report.validation().f1(),
              test.accuracy(),
              test.precision(),
              test.recall(),
              test.f1(),
              test.rocAuc(),
              test.brier(),
              report.testAtHalf().f1(),
              report.testAtHalf().recall()));
    }
    return table.toString();
  }

  private static String markdown(BundleManifest manifest) {
    BundleManifest.RowCounts rows = manifest.rows();
    ModelReport serving = manifest.servingReport();
    StringBuilder md = new StringBuilder();
    md.append("# Heart-disease model report\n\n");
    md.append("- bundle version: `").append(manifest.versionId()).append("`\n");
    md.append("- data: `").append(manifest.dataSource()).append("` (sha256 `");
    md.append(manifest.dataSha256()).append("`)\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- rows: %,d read, %,d skipped as bad, %,d duplicates removed; split %,d / %,d / %,d"
                + " (train / validation / test, stratified, seed 42)%n",
            rows.read(),
            rows.skipped(),
            rows.duplicates(),
            rows.train(),
            rows.validation(),
            rows.test()));
    md.append(
        String.format(
            Locale.ROOT,
            "- serving model: **%s** (best validation F1 %.4f), threshold %.3f chosen on"
                + " validation, Platt calibration a=%.4f b=%.4f%n%n",
            manifest.model(),
            serving.validation().f1(),
            manifest.threshold(),
            manifest.calibration().a(),
            manifest.calibration().b()));
    md.append("## Test split, every model\n\n");
    md.append(
        "Metrics on the test split (touched once, at the end) at each model's F1-maximising"
            + " validation threshold; the last two columns apply the original study's 0.5"
            + " threshold to the same calibrated scores.\n\n");
    md.append(comparisonTable(manifest.models().values())).append('\n');
    md.append("## Charts\n\n");
    md.append("![metrics](charts/model_metrics.png)\n\n");
    md.append("![confusion matrices](charts/confusion_matrices.png)\n\n");
    md.append("![ROC curves](charts/roc_curves.png)\n");
    return md.toString();
  }
}
