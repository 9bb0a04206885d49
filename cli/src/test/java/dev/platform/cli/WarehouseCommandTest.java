package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.cli.PlatformCommandTest.Run;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import dev.platform.warehouse.TestLakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse commands through picocli, on a sample of a real week. */
class WarehouseCommandTest {
  @TempDir static Path dir;
  static LocalLake lake;
  static String[] location;
  static Run load;

  @BeforeAll
  static void load() throws Exception {
    lake = new LocalLake(dir.resolve("lake"));
    TestLakes.putReference(lake);
    TestLakes.putWeek(lake, LocalDate.parse("2024-01-06"), TestLakes.sharedWeek("240106"), 30_000);
    location =
        new String[] {
          "--lake", lake.root().toString(), "--warehouse", dir.resolve("w.duckdb").toString()
        };
    load = run("warehouse", "load", "--direct");
  }

  static Run run(String... args) {
    String[] all = new String[args.length + location.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(location, 0, all, args.length, location.length);
    return PlatformCommandTest.run(all);
  }

  @Test
  void loadDirectRunsTheWorkflowsStepsAndASecondLoadFindsNothing() throws Exception {
    assertEquals(0, load.exitCode(), load.errors());
    assertTrue(load.output().contains("1 lake files to load"), load.output());
    assertTrue(load.output().contains("loaded turnstile/batch/2024/turnstile_240106.csv.gz"));
    assertTrue(load.output().contains("7 data-quality checks passed"), load.output());
    assertTrue(lake.exists(LakeLayout.TURNSTILE_DASHBOARD + "dashboard.json"));
    Run again = run("warehouse", "load", "--direct");
    assertEquals(0, again.exitCode(), again.errors());
    assertTrue(again.output().contains("0 lake files to load"), again.output());
    assertTrue(again.output().contains("0 files loaded, 0 rows inserted"), again.output());
    assertTrue(again.output().contains("nothing new: the last checks passed"), again.output());
  }

  @Test
  void statusShowsTheManifestCountsAndChecks() {
    Run status = run("warehouse", "status");
    assertEquals(0, status.exitCode(), status.errors());
    assertTrue(status.output().contains("turnstile/batch/2024/turnstile_240106.csv.gz  batch"));
    assertTrue(status.output().contains("fact_turnstile"), status.output());
    assertTrue(status.output().contains("unique_log_id"), status.output());
    assertTrue(status.output().contains("passed"), status.output());
  }

  @Test
  void queryPrintsATableOrWritesCsv() throws Exception {
    Run query =
        run(
            "warehouse",
            "query",
            "select station_name, count(*) as n from dim_station"
                + " where station_name = '59 ST' group by all");
    assertEquals(0, query.exitCode(), query.errors());
    assertTrue(query.output().startsWith("station_name  n\n59 ST         1\n"), query.output());
    Path csv = dir.resolve("out/stations.csv");
    Run toCsv =
        run(
            "warehouse",
            "query",
            "select station_name from dim_station order by 1",
            "--csv",
            csv.toString());
    assertEquals(0, toCsv.exitCode(), toCsv.errors());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("station_name", lines.get(0));
    assertTrue(lines.contains("59 ST"));
    Run bad = run("warehouse", "query", "select * from no_such_table");
    assertEquals(ErrorHandler.DATA_ERROR, bad.exitCode());
    assertTrue(bad.errors().startsWith("error: query failed: Catalog Error"), bad.errors());
  }

  @Test
  void reportShowsTheBusiestStationsAndOneStationsDaysAndHours() {
    Run report = run("warehouse", "report", "--station", "59 ST");
    assertEquals(0, report.exitCode(), report.errors());
    assertTrue(report.output().contains("busiest stations"), report.output());
    assertTrue(report.output().contains("daily traffic at 59 ST"), report.output());
    assertTrue(report.output().contains("2024-01-01  batch"), report.output());
    assertTrue(report.output().contains("hour-of-day profile at 59 ST"), report.output());
    Run unknown = run("warehouse", "report", "--station", "NO SUCH STATION");
    assertEquals(ErrorHandler.DATA_ERROR, unknown.exitCode());
    assertTrue(unknown.errors().contains("no traffic for station 'NO SUCH STATION'"));
  }

  @Test
  void aMissingWarehouseIsAClearError() {
    Run missing =
        PlatformCommandTest.run(
            "warehouse", "status", "--warehouse", dir.resolve("none.duckdb").toString());
    assertEquals(ErrorHandler.FAILED, missing.exitCode());
    assertTrue(missing.errors().startsWith("error: no warehouse at"), missing.errors());
  }
}
