package dev.platform.cli;

import dev.platform.core.lake.Lake;
import dev.platform.temporal.TemporalConnection;
import dev.platform.turnstile.warehouse.WarehouseLoadActivitiesImpl;
import dev.platform.turnstile.warehouse.WarehouseLoadResult;
import dev.platform.turnstile.warehouse.WarehouseLoadSteps;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflow;
import dev.platform.turnstile.warehouse.WarehouseLoads;
import dev.platform.warehouse.QueryResult;
import dev.platform.warehouse.Warehouse;
import io.temporal.client.WorkflowFailedException;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "warehouse",
    mixinStandardHelpOptions = true,
    description = "The turnstile warehouse (a DuckDB file): load, status, query, report.",
    subcommands = {
      WarehouseCommand.Load.class,
      WarehouseCommand.Status.class,
      WarehouseCommand.Query.class,
      WarehouseCommand.Report.class
    })
final class WarehouseCommand {

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = {
        "Load every lake file not yet in the warehouse (batch weeks, stream files), run the"
            + " data-quality checks, write the dashboard snapshot to the lake.",
        "Runs the WarehouseLoad workflow on Temporal (joining a load that already runs);"
            + " --direct runs the same activities in this process."
      })
  static final class Load implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WarehouseLocation location;
    @Mixin TemporalOptions temporal;

    @Option(names = "--direct", description = "Run in this process without Temporal.")
    boolean direct;

    @Override
    public Integer call() throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      WarehouseLoadResult result;
      if (direct) {
        try (Lake lake = location.openLake()) {
          result =
              WarehouseLoadSteps.run(
                  new WarehouseLoadActivitiesImpl(location.warehouse(lake, console)),
                  line -> {
                    console.println(line);
                    console.flush();
                  });
        }
      } else {
        try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
          console.printf(
              "workflow %s on %s (see `platform history %s`)%n",
              WarehouseLoadWorkflow.WORKFLOW_ID,
              connection.settings().address(),
              WarehouseLoadWorkflow.WORKFLOW_ID);
          console.flush();
          try {
            result = WarehouseLoads.run(connection.client());
          } catch (WorkflowFailedException e) {
            throw new IllegalStateException("warehouse load failed: " + rootMessage(e), e);
          }
          result.summary().forEach(console::println);
        }
      }
      console.println(result.describe());
      return 0;
    }

    private static String rootMessage(Throwable e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause.getMessage();
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "The load manifest, row counts and the last data-quality checks.")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WarehouseLocation location;

    @Override
    public Integer call() throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      Warehouse warehouse = new Warehouse(location.database(console), null);
      console.println("warehouse " + location.file());
      console.println();
      print(
          warehouse.query(
              "select lake_key, source, status, rows_read, rows_inserted,"
                  + " strftime(loaded_at, '%Y-%m-%d %H:%M:%S') as loaded_at,"
                  + " coalesce(reason, '') as reason from load_manifest order by loaded_at, lake_key"),
          console);
      console.println();
      print(
          warehouse.query(
              "select 'fact_turnstile' as table_name, count(*) as row_count from fact_turnstile"
                  + " union all select 'dim_station', count(*) from dim_station"
                  + " union all select 'dim_booth', count(*) from dim_booth"
                  + " union all select 'dim_date', count(*) from dim_date"
                  + " union all select 'turnstile_traffic unknown intervals', count(*)"
                  + " from turnstile_traffic where entries is null or exits is null"),
          console);
      console.println();
      print(
          warehouse.query(
              "select name as check_name, case when passed then 'passed' else 'FAILED' end as result,"
                  + " failures, strftime(checked_at, '%Y-%m-%d %H:%M:%S') as checked_at, detail"
                  + " from check_results where run_id = (select run_id from check_results"
                  + " order by checked_at desc limit 1) order by name"),
          console);
      return 0;
    }
  }

  @Command(
      name = "query",
      mixinStandardHelpOptions = true,
      description = "Run SQL on a read-only connection; a table on the terminal, or --csv FILE.")
  static final class Query implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WarehouseLocation location;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query.")
    String sql;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the rows to a CSV file.")
    Path csv;

    @Override
    public Integer call() throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      QueryResult result = new Warehouse(location.database(console), null).query(sql);
      if (csv != null) {
        writeCsv(result, csv);
        console.printf("%,d rows -> %s%n", result.rows().size(), csv);
      } else {
        print(result, console);
        console.printf("(%,d rows)%n", result.rows().size());
      }
      return 0;
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "Busiest stations, and one station's daily traffic and hour-of-day profile"
              + " (default: the busiest station).")
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WarehouseLocation location;

    @Option(names = "--station", paramLabel = "NAME", description = "e.g. \"59 ST\".")
    String station;

    @Override
    public Integer call() throws Exception {
      PrintWriter console = spec.commandLine().getOut();
      Warehouse warehouse = new Warehouse(location.database(console), null);
      console.println("busiest stations (batch and stream traffic; unknown intervals set aside)");
      QueryResult busiest =
          warehouse.query(
              "select station_name as station, sum(entries) as entries, sum(exits) as exits,"
                  + " sum(unknown_intervals) as unknown_intervals from rpt_station_daily_traffic"
                  + " group by station_name order by sum(entries) + sum(exits) desc, station_name"
                  + " limit 10");
      print(busiest, console);
      String chosen = station;
      if (chosen == null) {
        if (busiest.rows().isEmpty()) {
          console.println("no traffic loaded yet");
          return 0;
        }
        chosen = busiest.rows().get(0).get(0);
      }
      String name = "'" + chosen.replace("'", "''") + "'";
      QueryResult daily =
          warehouse.query(
              "select cast(date_day as varchar) as day, source, entries, exits, unknown_intervals"
                  + " from rpt_station_daily_traffic where station_name = "
                  + name
                  + " order by date_day, source");
      if (daily.rows().isEmpty()) {
        throw new IllegalArgumentException(
            "no traffic for station '" + chosen + "' (names as in the files, e.g. \"59 ST\")");
      }
      console.println();
      console.println("daily traffic at " + chosen);
      print(daily, console);
      console.println();
      console.println("hour-of-day profile at " + chosen + " (hour an interval starts)");
      print(
          warehouse.query(
              "select hour, source, entries, exits, days from rpt_station_hourly_profile"
                  + " where station_name = "
                  + name
                  + " order by hour, source"),
          console);
      return 0;
    }
  }

  static void print(QueryResult result, PrintWriter console) {
    TextTable table = new TextTable(result.columns().toArray(String[]::new));
    for (List<String> row : result.rows()) {
      table.row(row.toArray());
    }
    table.print(console);
  }

  static void writeCsv(QueryResult result, Path file) throws java.io.IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(csvLine(result.columns()));
      out.newLine();
      for (List<String> row : result.rows()) {
        out.write(csvLine(row));
        out.newLine();
      }
    }
  }

  private static String csvLine(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells.get(i) == null ? "" : cells.get(i);
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        cell = '"' + cell.replace("\"", "\"\"") + '"';
      }
      line.append(cell);
    }
    return line.toString();
  }
}
