package dev.platform.cli;

import dev.platform.ml.eval.Metrics;
import dev.platform.ml.predict.FileScorer;
import dev.platform.ml.predict.Predictor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score a CSV file with a model bundle: one output line per input row, in order,",
      "columns risk_score,risk_label,prediction,error. With a HeartDisease column, print metrics."
    })
final class ScoreCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      description = "Bundle folder, or a training output folder holding model/.")
  Path model;

  @Mixin DataSource data;

  @Option(names = "--out", required = true, description = "Output CSV.")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Predictor predictor = Predictor.load(model);
    FileScorer.Result result = new FileScorer(predictor).score(data.location, out);
    console.printf(
        "scored %,d of %,d rows with %s (%s); %,d failed validation; written to %s%n",
        result.scored(),
        result.rows(),
        predictor.manifest().model(),
        predictor.manifest().versionId(),
        result.failed(),
        out);
    if (result.metrics().isPresent()) {
      Metrics metrics = result.metrics().get();
      console.printf(
          "threshold %.3f: accuracy %.4f precision %.4f recall %.4f F1 %.4f ROC AUC %.4f%n",
          metrics.threshold(),
          metrics.accuracy(),
          metrics.precision(),
          metrics.recall(),
          metrics.f1(),
          metrics.rocAuc());
    }
    return 0;
  }
}
