package dev.platform.cli;

import dev.platform.bench.ApiBenchmark;
import dev.platform.bench.ProcessRun;
import dev.platform.bench.WarehouseBenchmark;
import dev.platform.bench.WrkResult;
import dev.platform.core.io.Folders;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.pipeline.PreparedData;
import dev.platform.ml.pipeline.TrainingBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print their figures.",
    subcommands = {
      BenchCommand.Train.class,
      BenchCommand.Api.class,
      BenchCommand.WarehouseLoad.class,
      BenchStreamCommand.class
    })
final class BenchCommand {

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Wall time and peak heap of each model's training, with its test metrics.",
        "With --reference SCRIPT: whole processes instead, paired and alternating: `platform train"
            + " --direct` against the reference Python pipeline (e.g."
            + " ../shared/reference/seed_train_e2e.py) on the same data; wall time, peak resident"
            + " memory and the ratio."
      })
  static final class Train implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DataSource data;

    @Option(
        names = "--reference",
        paramLabel = "SCRIPT",
        description = "A Python script taking the data file: time both as whole processes.")
    Path reference;

    @Option(
        names = "--pairs",
        defaultValue = "3",
        description = "Pairs of runs with --reference (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(
        names = "--python",
        defaultValue = "/usr/bin/python3",
        description = "The interpreter for --reference (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(
        names = "--java-options",
        defaultValue = "-Xmx768m",
        description = "JVM options of the timed `train --direct` (default: ${DEFAULT-VALUE}).")
    String javaOptions;

    @Override
    public Integer call() throws Exception {
      if (reference != null) {
        return compareWithReference();
      }
      PrintWriter console = spec.commandLine().getOut();
      long start = System.nanoTime();
      HeartDataset dataset = HeartDataset.load(data.location);
      PreparedData prepared = PreparedData.of(dataset);
      double prepareSeconds = (System.nanoTime() - start) / 1e9;
      console.printf(
          "%s; prepared in %.2f s on %d cores%n",
          dataset.summary(), prepareSeconds, Runtime.getRuntime().availableProcessors());
      List<TrainingBenchmark.Row> rows = TrainingBenchmark.run(prepared);
      console.println(
          "| model | train s | peak heap MB | threshold | precision | recall | F1 | ROC AUC |");
      console.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      double total = 0;
      for (TrainingBenchmark.Row row : rows) {
        Metrics test = row.candidate().report().testAtThreshold();
        total += row.seconds();
        console.printf(
            "| %s | %.2f | %.0f | %.3f | %.4f | %.4f | %.4f | %.4f |%n",
            row.model(),
            row.seconds(),
            row.peakHeapMb(),
            test.threshold(),
            test.precision(),
            test.recall(),
            test.f1(),
            test.rocAuc());
      }
      console.printf("all four models: %.2f s of training%n", total);
      rows.forEach(row -> row.candidate().model().close()); // their native memory
      return 0;
    }

    /** Both pipelines as whole processes, alternating, each in a fresh home and output folder. */
    private int compareWithReference() throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      Path work = Files.createTempDirectory("bench-train-");
      String source = Path.of(data.location).toAbsolutePath().toString();
      List<String> java = new ArrayList<>();
      java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      java.addAll(List.of(javaOptions.trim().split("\\s+")));
      java.add("-Djava.awt.headless=true");
      java.addAll(List.of("-cp", System.getProperty("java.class.path")));
      java.add(PlatformCommand.class.getName());
      console.println(
          "| pair | java train --direct s | java peak RSS MB | python s | python peak RSS MB |");
      console.println("|---:|---:|---:|---:|---:|");
      List<Double> javaSeconds = new ArrayList<>();
      List<Double> pythonSeconds = new ArrayList<>();
      double javaPeak = 0;
      double pythonPeak = 0;
      for (int pair = 1; pair <= pairs; pair++) {
        Path home = work.resolve("home-" + pair);
        List<String> train = new ArrayList<>(java);
        train.addAll(
            List.of(
                "train",
                "--direct",
                "--data",
                source,
                "--out",
                work.resolve("out-" + pair).toString()));
        ProcessRun javaRun =
            ProcessRun.measure(
                train,
                Map.of("PLATFORM_HOME", home.toString()),
                work.resolve("java-" + pair + ".log"));
        ProcessRun pythonRun =
            ProcessRun.measure(
                List.of(python, reference.toAbsolutePath().toString(), source),
                Map.of(),
                work.resolve("python-" + pair + ".log"));
        if (javaRun.exitCode() != 0 || pythonRun.exitCode() != 0) {
          throw new IllegalStateException(
              "a run failed (java exit "
                  + javaRun.exitCode()
                  + ", python exit "
                  + pythonRun.exitCode()
                  + "); logs in "
                  + work);
        }
        javaSeconds.add(javaRun.seconds());
        pythonSeconds.add(pythonRun.seconds());
        javaPeak = Math.max(javaPeak, javaRun.peakRssMb());
        pythonPeak = Math.max(pythonPeak, pythonRun.peakRssMb());
        console.printf(
            "| %d | %.1f | %.0f | %.1f | %.0f |%n",
            pair,
            javaRun.seconds(),
            javaRun.peakRssMb(),
            pythonRun.seconds(),
            pythonRun.peakRssMb());
        console.flush();
      }
      double javaMedian = median(javaSeconds);
      double pythonMedian = median(pythonSeconds);
      console.printf(
          "median: java %.1f s, python %.1f s; ratio=%.2f (java / python); peak RSS java %.0f MB,"
              + " python %.0f MB%n",
          javaMedian, pythonMedian, javaMedian / pythonMedian, javaPeak, pythonPeak);
      return 0;
    }

    private static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
  }

  @Command(
      name = "api",
      mixinStandardHelpOptions = true,
      description = {
        "Start the risk API in its own JVM and load POST /predict (one record) with wrk.",
        "Needs wrk (Debian: apt-get install wrk)."
      })
  static final class Api implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "Bundle folder (default: the lake's current model).")
    Path model;

    @Option(
        names = "--connections",
        defaultValue = "64",
        description = "Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--threads", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seconds", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Override
    public Integer call() throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      WrkResult result =
          new ApiBenchmark(PlatformHome.get(), Optional.ofNullable(model))
              .run(new ApiBenchmark.Load(threads, connections, Duration.ofSeconds(seconds)));
      console.printf(
          "wrk -t%d -c%d -d%ds, one-record POST /predict%n", threads, connections, seconds);
      console.println("| requests/s | requests | errors | p50 ms | p75 ms | p90 ms | p99 ms |");
      console.println("|---:|---:|---:|---:|---:|---:|---:|");
      console.printf(
          "| %.0f | %d | %d | %.2f | %.2f | %.2f | %.2f |%n",
          result.requestsPerSecond(),
          result.requests(),
          result.errors(),
          result.latencyMillis().getOrDefault("p50", Double.NaN),
          result.latencyMillis().getOrDefault("p75", Double.NaN),
          result.latencyMillis().getOrDefault("p90", Double.NaN),
          result.latencyMillis().getOrDefault("p99", Double.NaN));
      return 0;
    }
  }

  @Command(
      name = "warehouse",
      mixinStandardHelpOptions = true,
      description = {
        "Load the mirror's weekly turnstile files into a fresh lake and warehouse, and in the same"
            + " run time DuckDB reading the same lake files with a bare read_csv into one table;"
            + " then a second, no-op load.",
        "File loads = the LoadLakeFiles activities: download, checksum and header of each file,"
            + " then all weeks read in one scan, keyed, deduplicated, dimensions, facts and"
            + " manifest in one transaction.",
        "Targets: file loads / bare read_csv <= 1.5, no-op load < 1 s.",
        "Each round starts from a fresh lake and warehouse; the median round is shown."
      })
  static final class WarehouseLoad implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--mirror",
        paramLabel = "DIR",
        description =
            "Folder with yyMMdd.csv.gz weeks (or an mta/ subfolder), e.g. ../shared/data.")
    Path mirror;

    @Option(
        names = "--work",
        paramLabel = "DIR",
        description = "Scratch folder (default: a new temporary folder, removed after).")
    Path work;

    @Option(
        names = "--rounds",
        defaultValue = "3",
        description = "Rounds, each load then bare read (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds: at least 1");
      }
      PrintWriter console = spec.commandLine().getOut();
      Path source =
          mirror != null
              ? mirror
              : dev.platform.core.config.PlatformEnvironment.current()
                  .mirror()
                  .orElseThrow(() -> new IllegalArgumentException("name a mirror: --mirror DIR"));
      boolean temporary = work == null;
      Path folder = temporary ? java.nio.file.Files.createTempDirectory("bench-warehouse-") : work;
      try {
        List<WarehouseBenchmark.Figures> measured = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          boolean first = round == 1;
          WarehouseBenchmark.Figures measuredRound =
              new WarehouseBenchmark(source, folder.resolve("round-" + round))
                  .run(
                      line -> {
                        if (first) {
                          console.println(line);
                          console.flush();
                        }
                      });
          measured.add(measuredRound);
          console.printf(
              "round %d: file loads %.2f s, bare read_csv %.2f s, ratio %.2f; no-op %.2f s%n",
              round,
              measuredRound.fileLoadSeconds(),
              measuredRound.bareSeconds(),
              measuredRound.ratio(),
              measuredRound.noOpSeconds());
          console.flush();
        }
        measured.sort(java.util.Comparator.comparingDouble(WarehouseBenchmark.Figures::ratio));
        WarehouseBenchmark.Figures figures = measured.get(measured.size() / 2);
        console.println();
        console.printf("the median of %d rounds by ratio:%n", rounds);
        console.printf(
            "%d weeks, %,d fact rows (bare read_csv: %,d rows), %d cores%n",
            figures.weeks(),
            figures.factRows(),
            figures.bareRows(),
            Runtime.getRuntime().availableProcessors());
        console.println("| step | seconds |");
        console.println("|---|---:|");
        figures.loadSteps().forEach((step, s) -> console.printf("| %s | %.2f |%n", step, s));
        console.printf("| whole load | %.2f |%n", figures.loadSeconds());
        console.printf("| bare read_csv into one table | %.2f |%n", figures.bareSeconds());
        console.printf("| second (no-op) load | %.2f |%n", figures.noOpSeconds());
        console.printf(
            "ratio file loads (LoadLakeFiles: download, checksum, one-pass load, commit) / bare"
                + " read_csv: %.2f (target <= 1.5); whole load / bare: %.2f;"
                + " no-op %.2f s (target < 1 s)%n",
            figures.ratio(), figures.loadSeconds() / figures.bareSeconds(), figures.noOpSeconds());
      } finally {
        if (temporary) {
          Folders.deleteRecursively(folder);
        }
      }
      return 0;
    }
  }
}
