package dev.platform.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LocalLake;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real MTA week, whole, with the shared reference table. */
class WarehouseRealWeekTest {
  @TempDir Path dir;

  @Test
  void aRealWeekLoadsOnceWithOneFactPerDistinctReadingAndNoOrphans() throws Exception {
    LocalLake lake = new LocalLake(dir.resolve("lake"));
    TestLakes.putReference(lake);
    Path week = TestLakes.sharedWeek("240106");
    long distinctKeys = TestLakes.putWeek(lake, LocalDate.parse("2024-01-06"), week, 0);
    long lines = dataLines(week);
    assertTrue(lines > distinctKeys, "the week repeats some readings: " + lines + " lines");

    Warehouse warehouse =
        new Warehouse(
            new WarehouseDatabase(dir.resolve("w.duckdb"), Duration.ofSeconds(5), n -> {}), lake);
    assertTrue(warehouse.loadReference() > 700);
    List<LakeFile> files = warehouse.unloadedFiles();
    assertEquals(1, files.size());
    FileLoad load = warehouse.load(files.get(0));
    assertEquals(FileLoad.Status.LOADED, load.status(), load.reason());
    assertEquals(distinctKeys, load.rowsInserted());
    assertEquals(distinctKeys, load.rowsRead());

    // twice: nothing new, even when the manifest is bypassed
    assertEquals(List.of(), warehouse.unloadedFiles());
    assertEquals(FileLoad.Status.ALREADY_LOADED, warehouse.load(files.get(0)).status());
    assertEquals(
        String.valueOf(distinctKeys),
        warehouse.query("select count(*) as n from fact_turnstile").first("n"));

    long unknownIntervals = warehouse.refreshTraffic();
    List<CheckResult> checks = warehouse.check();
    assertTrue(checks.stream().allMatch(CheckResult::passed), checks.toString());
    assertEquals(7, checks.size());
    QueryResult flagged =
        warehouse.query(
            "select count(*) filter (where not in_reference) as missing, count(*) as booths"
                + " from dim_booth");
    assertTrue(Long.parseLong(flagged.first("missing")) > 0, "some booths lack a reference row");
    QueryResult unknown =
        warehouse.query(
            "select count(*) filter (where entries is null) as unknown, count(*) as intervals"
                + " from turnstile_traffic");
    double share =
        Double.parseDouble(unknown.first("unknown"))
            / Double.parseDouble(unknown.first("intervals"));
    assertTrue(share > 0 && share < 0.05, "unknown share " + share);
    assertTrue(unknownIntervals >= Long.parseLong(unknown.first("unknown")));
    QueryResult busiest =
        warehouse.query(
            "select station_name from rpt_busiest_stations_weekly where rank = 1 order by week_start");
    assertTrue(!busiest.rows().isEmpty());
  }

  private static long dataLines(Path gzip) throws Exception {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzip)), StandardCharsets.UTF_8))) {
      return in.lines().count() - 1;
    }
  }
}
