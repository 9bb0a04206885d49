package dev.platform.cli;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.Lakes;
import dev.platform.warehouse.Warehouse;
import dev.platform.warehouse.WarehouseDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which lake and DuckDB file the warehouse commands use: the environment, or these options. */
final class WarehouseLocation {
  @Option(
      names = "--lake",
      paramLabel = "URI",
      description = "The lake (default: PLATFORM_LAKE, else $PLATFORM_HOME/lake).")
  String lake;

  @Option(
      names = "--warehouse",
      paramLabel = "FILE",
      description =
          "The DuckDB file (default: PLATFORM_WAREHOUSE, else"
              + " $PLATFORM_HOME/warehouse/turnstile.duckdb).")
  Path file;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "How long to wait while another process loads the warehouse (default: ${DEFAULT-VALUE}).")
  long waitSeconds;

  Lake openLake() {
    return Lakes.open(lake != null ? lake : PlatformEnvironment.current().lakeUri());
  }

  Path file() {
    return file != null ? file : PlatformEnvironment.current().warehouseFile();
  }

  WarehouseDatabase database(PrintWriter console) {
    return new WarehouseDatabase(
        file(),
        Duration.ofSeconds(waitSeconds),
        notice -> {
          console.println(notice);
          console.flush();
        });
  }

  Warehouse warehouse(Lake openedLake, PrintWriter console) {
    return new Warehouse(database(console), openedLake);
  }
}
