package dev.platform.cli;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.ingest.TurnstileWeekSource;
import dev.platform.core.ingest.TurnstileWeeks;
import dev.platform.core.lake.Lake;
import dev.platform.temporal.TemporalConnection;
import dev.platform.turnstile.ingest.TurnstileBatchIngestionWorkflow;
import dev.platform.turnstile.ingest.TurnstileIngestionActivitiesImpl;
import dev.platform.turnstile.ingest.TurnstileIngestionFollower;
import dev.platform.turnstile.ingest.TurnstileIngestionResult;
import dev.platform.turnstile.ingest.TurnstileIngestionSteps;
import dev.platform.turnstile.warehouse.WarehouseLoadActivitiesImpl;
import dev.platform.turnstile.warehouse.WarehouseLoadResult;
import dev.platform.turnstile.warehouse.WarehouseLoadSteps;
import io.temporal.client.WorkflowFailedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Fetch source files into the lake.",
    subcommands = {IngestCommand.Turnstile.class})
final class IngestCommand {

  @Command(
      name = "turnstile",
      mixinStandardHelpOptions = true,
      description = {
        "Ingest the weekly MTA turnstile files of every Saturday from --from to --to into the"
            + " lake (turnstile/batch/YYYY/turnstile_YYMMDD.csv.gz), and the station table;"
            + " then load the warehouse.",
        "Each file is validated line by line: bad lines are reported and skipped, a truncated or"
            + " mostly-garbage file is quarantined with its reason, a missing week is reported,"
            + " a week already in the lake with the same checksum is left as it is.",
        "Starts the TurnstileBatchIngestion workflow on the Temporal server and prints each week"
            + " as it is done; --direct runs the same activities in this process.",
        "Sources: --mirror DIR (files {yyMMdd}.csv.gz or turnstile_{yyMMdd}.csv.gz in DIR or"
            + " DIR/mta), --source URL_TEMPLATE, else the worker's PLATFORM_MIRROR, else the"
            + " public MTA site."
      })
  static final class Turnstile implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin TemporalOptions temporal;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "DATE",
        description = "First week (yyyy-MM-dd); a day that is no Saturday starts at the next one.")
    LocalDate from;

    @Option(
        names = "--to",
        paramLabel = "DATE",
        description = "Last week, included (default: --from).")
    LocalDate to;

    @Option(
        names = "--mirror",
        paramLabel = "DIR",
        description = "A folder holding the weekly files (and remote_booth_station.csv).")
    Path mirror;

    @Option(
        names = "--source",
        paramLabel = "URL_TEMPLATE",
        description =
            "Where each week is, with {yyMMdd} for the Saturday, e.g."
                + " http://web.mta.info/developers/data/nyct/turnstile/turnstile_{yyMMdd}.txt.")
    String source;

    @Option(
        names = "--direct",
        description = "Run in this process without Temporal (the warehouse is not loaded).")
    boolean direct;

    @Mixin WarehouseLocation location;

    @Override
    public Integer call() throws Exception {
      LocalDate last = to == null ? from : to;
      if (last.isBefore(from)) {
        throw new IllegalArgumentException("--to " + last + " is before --from " + from);
      }
      List<LocalDate> weeks = TurnstileWeeks.saturdays(from, last);
      if (weeks.isEmpty()) {
        throw new IllegalArgumentException("no Saturday from " + from + " to " + last);
      }
      if (location.lake != null && !direct) {
        throw new IllegalArgumentException(
            "--lake goes with --direct; a workflow uses the worker's lake (PLATFORM_LAKE)");
      }
      String sourceSpec = sourceSpec();
      // the run is named after its first and last Saturday, whatever days the options gave
      LocalDate firstSaturday = weeks.get(0);
      LocalDate lastSaturday = weeks.get(weeks.size() - 1);
      return direct
          ? runDirect(firstSaturday, lastSaturday, sourceSpec)
          : runWorkflow(firstSaturday, lastSaturday, sourceSpec);
    }

    /** The source as the activities take it: blank means the runner's own setting. */
    private String sourceSpec() {
      if (mirror != null && source != null) {
        throw new IllegalArgumentException("give --mirror or --source, not both");
      }
      if (mirror != null) { // absolute: the worker may run in another folder
        return TurnstileWeekSource.mirror(mirror.toAbsolutePath().normalize()).spec();
      }
      if (source != null) {
        String template = source.strip();
        if (!template.contains("://") && !template.startsWith("file:")) {
          template = Path.of(template).toAbsolutePath().normalize().toString();
        }
        return TurnstileWeekSource.template(template).spec();
      }
      return "";
    }

    private int runDirect(LocalDate first, LocalDate last, String sourceSpec) throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      PlatformEnvironment environment = PlatformEnvironment.current();
      try (Lake target = location.openLake()) {
        TurnstileIngestionActivitiesImpl activities =
            new TurnstileIngestionActivitiesImpl(
                target,
                TurnstileWeekSource.fromEnvironment(environment),
                PlatformHome.get().resolve("work"));
        console.printf("ingesting into %s%n", target.uri());
        console.flush();
        TurnstileIngestionSteps.Ingested ingested =
            TurnstileIngestionSteps.run(activities, first, last, sourceSpec, printer(console));
        WarehouseLoadResult load =
            WarehouseLoadSteps.run(
                new WarehouseLoadActivitiesImpl(location.warehouse(target, console)),
                line -> {
                  console.println("warehouse: " + line);
                  console.flush();
                });
        TurnstileIngestionResult result =
            new TurnstileIngestionResult(
                ingested.reference(), ingested.weeks(), ingested.failures(), load, List.of());
        console.println(result.totals());
        console.println("warehouse: " + load.describe());
        console.flush();
        return ingested.failures().isEmpty() ? 0 : ErrorHandler.FAILED;
      }
    }

    private int runWorkflow(LocalDate first, LocalDate last, String sourceSpec) {
      PrintWriter console = spec.commandLine().getOut();
      try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
        String workflowId = TurnstileBatchIngestionWorkflow.workflowId(first, last);
        console.printf(
            "workflow %s on %s (see `platform history %s`)%n",
            workflowId, connection.settings().address(), workflowId);
        console.flush();
        try {
          TurnstileIngestionResult result =
              new TurnstileIngestionFollower(connection.client())
                  .startAndFollow(first, last, sourceSpec, printer(console));
          console.println(result.totals());
          console.flush();
          return 0;
        } catch (WorkflowFailedException failed) {
          spec.commandLine().getErr().println("error: " + TurnstileIngestionSteps.reason(failed));
          return ErrorHandler.FAILED;
        }
      }
    }

    private static java.util.function.Consumer<String> printer(PrintWriter console) {
      return line -> {
        console.println(line);
        console.flush();
      };
    }
  }
}
