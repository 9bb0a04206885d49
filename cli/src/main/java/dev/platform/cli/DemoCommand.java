package dev.platform.cli;

import dev.platform.cli.stack.ApiComponent;
import dev.platform.cli.stack.DevComponents;
import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.source.Mirror;
import dev.platform.demo.Demo;
import dev.platform.demo.DemoPlan;
import dev.platform.demo.DemoSummary;
import dev.platform.demo.DemoSummary.DayTraffic;
import dev.platform.devstack.ComponentStatus;
import dev.platform.schedules.PlatformSchedules;
import dev.platform.temporal.PlatformSearchAttributes;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import dev.platform.worker.PlatformWorker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The whole platform on this machine in one pass: starts the local stack (Temporal, Kafka,"
          + " the risk API, the worker, the Flink job), trains and serves the heart model, ingests"
          + " the turnstile weeks into the lake and the warehouse, replays a week through Kafka and"
          + " Flink, loads its windows, refreshes the dashboard, and prints a summary.",
      "Every step is a workflow (see `platform runs`). A second demo on the same"
          + " PLATFORM_HOME reuses what is there.",
      "Without --mirror the sources are downloaded from their public URLs."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--mirror",
      paramLabel = "DIR",
      description =
          "Read the sources from this folder (heart/, mta/), offline. Default: PLATFORM_MIRROR.")
  Path mirror;

  @Option(names = "--exit", description = "Stop everything the demo started at the end.")
  boolean exit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    PlatformEnvironment environment = PlatformEnvironment.current();
    DemoPlan plan = plan(environment);
    out.println("demo: starting the local stack");
    out.flush();
    DevCommand.start(out);
    try {
      DemoSummary summary;
      TemporalSettings settings = TemporalSettings.fromEnvironment();
      try (TemporalConnection connection = TemporalConnection.open(settings)) {
        Demo demo =
            new Demo(
                plan,
                PlatformWorker.heartLake(environment.home()),
                environment.warehouseFile(),
                "http://localhost:" + ApiComponent.DEFAULT_PORT,
                line -> {
                  out.println(line);
                  out.flush();
                });
        summary = demo.run(connection.client(), PlatformSearchAttributes.available(connection));
      }
      print(out, summary, (System.nanoTime() - start) / 1e9);
      if (!exit) {
        waitWhileRunning(out);
      }
    } finally {
      if (exit) {
        out.println("demo: stopping what it started (--exit)");
        DevCommand.stopAll(out);
      }
    }
    return 0;
  }

  private DemoPlan plan(PlatformEnvironment environment) {
    Optional<Path> folder = Optional.ofNullable(mirror).or(environment::mirror);
    String heart =
        folder
            .map(
                path ->
                    Mirror.of(path)
                        .heartSource()
                        .map(Path::toString)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "no heart/heart_2020_cleaned*.csv* in the mirror " + path)))
            .orElse(PlatformSchedules.PUBLIC_HEART_SOURCE);
    return new DemoPlan(
        folder,
        heart,
        DemoPlan.FIRST_WEEK,
        DemoPlan.LAST_WEEK,
        DemoPlan.FIRST_WEEK,
        DemoPlan.ABOUT_A_MINUTE_A_WEEK,
        Duration.ofSeconds(25));
  }

  static void print(PrintWriter out, DemoSummary summary, double seconds) {
    out.println();
    out.println("== summary ==");
    TextTable tables = new TextTable("WAREHOUSE TABLE", "ROWS");
    for (Map.Entry<String, Long> entry : summary.tableRows().entrySet()) {
      tables.row(entry.getKey(), String.format(Locale.ROOT, "%,d", entry.getValue()));
    }
    tables.print(out);
    out.println();
    out.println("replayed days, batch intervals vs stream windows (intervals with known traffic):");
    TextTable days =
        new TextTable("DAY", "BATCH ENTRIES", "STREAM ENTRIES", "BATCH EXITS", "STREAM EXITS");
    long batchTotal = 0;
    long streamTotal = 0;
    for (DayTraffic day : summary.days()) {
      days.row(
          day.day(),
          String.format(Locale.ROOT, "%,d", day.batchEntries()),
          String.format(Locale.ROOT, "%,d", day.streamEntries()),
          String.format(Locale.ROOT, "%,d", day.batchExits()),
          String.format(Locale.ROOT, "%,d", day.streamExits()));
      batchTotal += day.batchEntries();
      streamTotal += day.streamEntries();
    }
    days.print(out);
    out.printf(
        Locale.ROOT,
        "replayed week: batch entries %,d, stream entries %,d (%s)%n",
        batchTotal,
        streamTotal,
        batchTotal == streamTotal
            ? "equal"
            : String.format(Locale.ROOT, "stream %,d short", batchTotal - streamTotal));
    out.printf(
        Locale.ROOT,
        "  the stream side misses the windows still open at the end (no later event moves the"
            + " watermark past them) and %,d messages that arrived after their window closed"
            + " (kept in the lake's turnstile/late/, not counted)%n",
        summary.lateMessages());
    out.println();
    out.println("served model: " + summary.model());
    out.println();
    out.println("open:");
    summary.urls().forEach(url -> out.println("  " + url));
    out.println("run history (the local Temporal server has no web UI; see docs/deployment.md):");
    summary.commands().forEach(command -> out.println("  " + command));
    out.printf(Locale.ROOT, "demo: done in %.0f s%n", seconds);
    out.flush();
  }

  /** Keeps the stack until Ctrl-C (then stops it) or until `dev stop` stopped the worker. */
  private static void waitWhileRunning(PrintWriter out) throws InterruptedException {
    out.println(
        "the platform keeps running; Ctrl-C here or `./platform dev stop` elsewhere stops it");
    out.flush();
    Thread stopper = new Thread(() -> DevCommand.stopAll(out), "demo-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    while (workerRuns()) {
      Thread.sleep(2000);
    }
    Runtime.getRuntime().removeShutdownHook(stopper);
  }

  private static boolean workerRuns() {
    return DevCommand.managedStack().status().stream()
        .filter(status -> status.component().name().equals(DevComponents.WORKER))
        .anyMatch(ComponentStatus::running);
  }
}
