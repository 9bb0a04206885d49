package dev.platform.cli;

import dev.platform.ml.pipeline.TrainingRun;
import dev.platform.ml.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Read, profile, split, train the four models, evaluate and write the model bundle.",
      "Output: DIR/model (bundle), DIR/report.md, DIR/metrics.json, DIR/charts, DIR/profile,"
          + " DIR/splits/test.csv.gz (rows no model has seen)."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, description = "CSV file or http(s):/file: URL.")
  String data;

  @Option(names = "--out", description = "Output folder (default: $PLATFORM_HOME/training).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Path target = out != null ? out : PlatformHome.get().resolve("training");
    TrainingRun.Outcome outcome =
        TrainingRun.run(
            data,
            target,
            line -> {
              console.println(line);
              console.flush();
            });
    console.println();
    console.println(ReportWriter.comparisonTable(outcome.bundle().manifest().models().values()));
    console.println("report: " + target.resolve("report.md"));
    return 0;
  }
}
