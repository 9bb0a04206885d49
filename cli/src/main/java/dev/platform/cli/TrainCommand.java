package dev.platform.cli;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.heart.ApiNotifier;
import dev.platform.heart.DirectTraining;
import dev.platform.heart.HeartModelTrainingWorkflow;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.TrainingFollower;
import dev.platform.ml.report.ReportWriter;
import dev.platform.ml.train.TrainingSettings;
import dev.platform.temporal.PlatformSearchAttributes;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import dev.platform.worker.PlatformWorker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the heart model: ingest, profile, train the four models, evaluate, bundle, promote.",
      "Ingests the source into the lake (PLATFORM_LAKE, shared with the worker), then starts the"
          + " HeartModelTraining workflow named by the stored bytes' SHA-256 on the Temporal server"
          + " (TEMPORAL_ADDRESS, default localhost:7233; see `platform dev`) and follows it, or"
          + " follows the run already going for that data; --direct runs the same activities"
          + " in the workflow's order in this process, promoting into the lake as the workflow does"
          + " (and telling the API at PLATFORM_API_URL to reload).",
      "Direct output: DIR/model (bundle), DIR/report.md, DIR/metrics.json, DIR/charts,"
          + " DIR/profile, DIR/splits/test.csv.gz (rows no model has seen)."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin TrainingSource data;

  @Option(
      names = "--direct",
      description = "Run in this process without Temporal, writing to --out.")
  boolean direct;

  @Option(
      names = "--out",
      description = "Output folder with --direct (default: $PLATFORM_HOME/training).")
  Path out;

  @Override
  public Integer call() throws Exception {
    return direct ? runDirect() : runWorkflow();
  }

  private int runDirect() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    Path home = PlatformHome.get();
    Path target = out != null ? out : home.resolve("training");
    HeartTrainingResult result =
        new DirectTraining(
                PlatformWorker.heartLake(home),
                ApiNotifier.fromEnvironment(),
                TrainingSettings.defaults())
            .run(data.location(PlatformEnvironment.current()), target, progress(console));
    console.println();
    console.println(ReportWriter.comparisonTable(result.reports().values()));
    printOutcome(console, result);
    console.println("report: " + target.resolve("report.md"));
    return 0;
  }

  private int runWorkflow() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    String source = absolute(data.location(PlatformEnvironment.current()));
    try (TemporalConnection connection =
        TemporalConnection.open(TemporalSettings.fromEnvironment())) {
      console.printf(
          "ingesting %s into the lake, then training on the workflow server %s%n",
          source, connection.settings().address());
      console.flush();
      HeartTrainingResult result =
          new TrainingFollower(connection.client(), PlatformSearchAttributes.available(connection))
              .ingestAndFollow(
                  PlatformWorker.heartLake(PlatformHome.get()), source, progress(console));
      String workflowId = HeartModelTrainingWorkflow.workflowId(result.dataSha256());
      console.println();
      console.println(ReportWriter.comparisonTable(result.reports().values()));
      printOutcome(console, result);
      console.printf(
          "workflow %s (see `platform history %s`); run folder: $PLATFORM_HOME/runs/%s (of the"
              + " worker)%n",
          workflowId, workflowId, workflowId);
    }
    return 0;
  }

  private static void printOutcome(PrintWriter console, HeartTrainingResult result) {
    console.printf(
        "%s: bundle %s serving %s; %s%n",
        result.promoted() ? "promoted" : "not promoted",
        result.versionId(),
        result.servingModel(),
        result.reason());
  }

  /** Local paths are made absolute: the worker may run in another folder. */
  private static String absolute(String location) {
    return location.contains("://") || location.startsWith("file:")
        ? location
        : Path.of(location).toAbsolutePath().normalize().toString();
  }

  /** Prints each progress line as it comes. */
  private static java.util.function.Consumer<String> progress(PrintWriter console) {
    return line -> {
      console.println(line);
      console.flush();
    };
  }
}
