package dev.platform.warehouse;

import static dev.platform.warehouse.Readings.reading;
import static dev.platform.warehouse.Readings.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import dev.platform.core.turnstile.TrafficRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse on hand-made lake files and a real DuckDB file. */
class WarehouseFixtureTest {
  static final LocalDate WEEK = LocalDate.parse("2024-01-06");

  @TempDir Path dir;
  LocalLake lake;
  Warehouse warehouse;
  List<String> notices = new ArrayList<>();

  @BeforeEach
  void create() {
    lake = new LocalLake(dir.resolve("lake"));
    warehouse =
        new Warehouse(
            new WarehouseDatabase(
                dir.resolve("warehouse/turnstile.duckdb"), Duration.ofSeconds(5), notices::add),
            lake);
  }

  /** Turnstile 00-00-00: a reset, a backwards counter and a jump; 00-00-01 normal. */
  String putTrafficWeek() throws Exception {
    return TestLakes.putWeek(
        lake,
        WEEK,
        List.of(
            reading("00-00-00", "2024-01-01T03:00:00", "REGULAR", 100, 1000),
            reading("00-00-00", "2024-01-01T07:00:00", "REGULAR", 150, 1010),
            // the same key again as an audit reading: one row is kept, the REGULAR one
            reading("00-00-00", "2024-01-01T07:00:00", "RECOVR AUD", 151, 1011),
            reading("00-00-00", "2024-01-01T11:00:00", "REGULAR", 30, 1020), // reset
            reading("00-00-00", "2024-01-01T15:00:00", "REGULAR", 80, 1030),
            reading("00-00-00", "2024-01-01T19:00:00", "REGULAR", 70, 1040), // backwards
            reading("00-00-00", "2024-01-01T23:00:00", "REGULAR", 20_070, 1050), // jump
            reading("00-00-00", "2024-01-02T03:00:00", "REGULAR", 20_100, 1060),
            reading("00-00-01", "2024-01-01T03:00:00", "REGULAR", 500, 500),
            reading("00-00-01", "2024-01-01T07:00:00", "REGULAR", 510, 505)));
  }

  @Test
  void trafficViewSetsResetsBackwardsCountersAndJumpsAsideAndCountsThem() throws Exception {
    putTrafficWeek();
    for (LakeFile file : warehouse.unloadedFiles()) {
      assertEquals(FileLoad.Status.LOADED, warehouse.load(file).status());
    }
    QueryResult traffic =
        warehouse.query(
            "select scp, strftime(interval_start, '%H') as h, entries, exits,"
                + " entries_unknown_reason as why from turnstile_traffic"
                + " order by scp, interval_start");
    List<String> lines = new ArrayList<>();
    traffic.rows().forEach(row -> lines.add(String.join(",", String.valueOf(row))));
    assertEquals(
        List.of(
            "[00-00-00, 03, 50, 10, null]",
            "[00-00-00, 07, null, 10, negative]",
            "[00-00-00, 11, 50, 10, null]",
            "[00-00-00, 15, null, 10, negative]",
            "[00-00-00, 19, null, 10, jump]",
            "[00-00-00, 23, 30, 10, null]",
            "[00-00-01, 03, 10, 5, null]"),
        lines);
    assertTrue(20_000 > TrafficRules.MAX_INTERVAL_DELTA, "the fixture's jump is a jump");

    assertEquals(3, warehouse.refreshTraffic(), "a reset, a backwards counter and a jump");
    QueryResult daily =
        warehouse.query(
            "select date_day, entries, exits, unknown_intervals from rpt_station_daily_traffic"
                + " order by date_day");
    assertEquals(List.of(List.of("2024-01-01", "140", "65", "3")), daily.rows());
    assertEquals(
        "9",
        warehouse.query("select count(*) as n from fact_turnstile").first("n"),
        "9 distinct keys in 10 lines");
    assertEquals(
        "REGULAR",
        warehouse
            .query(
                "select description from fact_turnstile where scp = '00-00-00'"
                    + " and reading_at = timestamp '2024-01-01 07:00:00'")
            .first("description"));
    assertTrue(warehouse.check().stream().allMatch(CheckResult::passed));
  }

  @Test
  void loadingTwiceAddsNothingLateFiringsAddToTheirWindowAndStreamNeverCollidesWithBatch()
      throws Exception {
    putTrafficWeek();
    String stream =
        TestLakes.putStream(
            lake,
            "part-0",
            List.of(
                window("00-00-00", "2024-01-01T07:00:00", 12, 7), // starts at a batch reading
                window("00-00-00", "2024-01-01T07:05:00", 3, 4)));
    List<LakeFile> first = warehouse.unloadedFiles();
    assertEquals(2, first.size());
    long inserted = 0;
    for (LakeFile file : first) {
      inserted += warehouse.load(file).rowsInserted();
    }
    assertEquals(9 + 2, inserted);
    assertEquals(List.of(), warehouse.unloadedFiles(), "everything is loaded");
    for (LakeFile file : first) {
      assertEquals(FileLoad.Status.ALREADY_LOADED, warehouse.load(file).status());
    }
    // a late firing (allowed lateness) writes what late events added to a window, in a later file:
    // it adds to the window's row, and no row is added
    String again =
        TestLakes.putStream(
            lake, "part-1", List.of(window("00-00-00", "2024-01-01T07:00:00", 2, 1)));
    LakeFile repeated = warehouse.unloadedFiles().get(0);
    assertEquals(again, repeated.key());
    FileLoad load = warehouse.load(repeated);
    assertEquals(FileLoad.Status.LOADED, load.status());
    assertEquals(0, load.rowsInserted());
    assertEquals("11", warehouse.query("select count(*) as n from fact_turnstile").first("n"));
    QueryResult sources =
        warehouse.query(
            "select source, sum(entries) as entries, sum(exits) as exits, count(*) as n"
                + " from turnstile_traffic group by source order by source");
    assertEquals(List.of("batch", "140", "65", "7"), sources.rows().get(0));
    assertEquals(List.of("stream", "17", "12", "2"), sources.rows().get(1));
    assertNotEquals(stream, again);
    assertEquals(FileLoad.Status.ALREADY_LOADED, warehouse.load(repeated).status());
    assertEquals(
        "3",
        warehouse
            .query("select count(*) as n from load_manifest where status = 'loaded'")
            .first("n"));
  }

  @Test
  void unparseableFilesAreQuarantinedWithTheirReasonAndTheOthersLoad() throws Exception {
    putTrafficWeek();
    byte[] good =
        TestLakes.gzip(
            "CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS\n"
                + "A002,R051,00-00-09,59 ST,NQR456W,BMT,2024-01-08,03:00:00,REGULAR,1,1\n"
                    .repeat(2000));
    String truncated = LakeLayout.turnstileBatch(LocalDate.parse("2024-01-13"));
    lake.put(truncated, java.util.Arrays.copyOf(good, good.length / 2));
    String garbage = LakeLayout.turnstileBatch(LocalDate.parse("2024-01-20"));
    lake.put(
        garbage,
        TestLakes.gzip(
            "CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS\n"
                + "A002,R051,00-00-09,59 ST,NQR456W,BMT,2024-01-14,03:00:00,REGULAR,1,1\n"
                + "this is not, a turnstile reading\n"));
    String wrongHeader = LakeLayout.TURNSTILE_STREAM + "date=2024-01-01/part-9.csv.gz";
    lake.put(wrongHeader, TestLakes.gzip("A,B\n1,2\n"));

    // all in one load: the three batch weeks cannot be read together, so each is read alone
    List<FileLoad> loads = warehouse.load(warehouse.unloadedFiles());
    assertEquals(4, loads.size());
    assertEquals(
        1, loads.stream().filter(l -> l.status() == FileLoad.Status.LOADED).count(), "" + loads);
    for (String key : List.of(truncated, garbage, wrongHeader)) {
      String target = LakeLayout.turnstileQuarantine(key);
      assertTrue(lake.exists(target), target);
      String reason =
          new String(lake.open(LakeLayout.reasonOf(target)).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(reason.startsWith(key), reason);
    }
    assertTrue(
        LakeLayout.turnstileQuarantine(wrongHeader).startsWith("turnstile/quarantine/stream/"));
    FileLoad header =
        loads.stream().filter(l -> l.key().equals(wrongHeader)).findFirst().orElseThrow();
    assertTrue(header.reason().contains("header is 'A,B'"), header.reason());
    assertEquals("9", warehouse.query("select count(*) as n from fact_turnstile").first("n"));
    assertEquals(
        "3",
        warehouse
            .query("select count(*) as n from load_manifest where status = 'quarantined'")
            .first("n"));
    assertEquals(List.of(), warehouse.unloadedFiles(), "quarantined files are not retried");
  }

  @Test
  void filesLoadedTogetherGiveTheRowsOfFilesLoadedOneByOne() throws Exception {
    putTrafficWeek();
    // the next week repeats the last reading of the first (a week's edge in two files) with
    // higher counters (the first file's reading stays, as when loading one after the other), and
    // adds one reading twice
    TestLakes.putWeek(
        lake,
        WEEK.plusDays(7),
        List.of(
            reading("00-00-00", "2024-01-02T03:00:00", "REGULAR", 20_101, 1061),
            reading("00-00-00", "2024-01-08T03:00:00", "REGULAR", 20_200, 1100),
            reading("00-00-00", "2024-01-08T03:00:00", "RECOVR AUD", 20_201, 1101)));
    TestLakes.putStream(lake, "part-0", List.of(window("00-00-01", "2024-01-01T08:00:00", 4, 2)));
    TestLakes.putStream(lake, "part-1", List.of(window("00-00-01", "2024-01-01T08:00:00", 1, 1)));
    List<LakeFile> files = warehouse.unloadedFiles();
    assertEquals(4, files.size());

    List<FileLoad> together = warehouse.load(files);
    assertEquals(List.of(9L, 1L, 1L, 0L), together.stream().map(FileLoad::rowsInserted).toList());
    assertTrue(together.stream().allMatch(l -> l.status() == FileLoad.Status.LOADED));
    String facts =
        "select source, ca, unit, scp, station, reading_at, description, entries, exits,"
            + " lake_key from fact_turnstile"
            + " join (select booth_id, booth_name as ca, remote as unit from dim_booth) using (booth_id)"
            + " join (select station_id, station_name as station from dim_station) using (station_id)"
            + " join (select file_id, lake_key from load_manifest) using (file_id) order by all";
    QueryResult loadedTogether = warehouse.query(facts);
    assertEquals(List.of(), warehouse.unloadedFiles());
    assertTrue(
        warehouse.load(files).stream().allMatch(l -> l.status() == FileLoad.Status.ALREADY_LOADED));

    Warehouse oneByOne =
        new Warehouse(
            new WarehouseDatabase(dir.resolve("one-by-one.duckdb"), Duration.ofSeconds(5), n -> {}),
            lake);
    for (LakeFile file : files) {
      oneByOne.load(file);
    }
    assertEquals(oneByOne.query(facts).rows(), loadedTogether.rows());
    assertEquals(
        "10",
        warehouse
            .query("select count(*) as n from fact_turnstile where source = 'batch'")
            .first("n"));
    assertEquals(
        List.of("5", "3"),
        warehouse
            .query("select entries, exits from fact_turnstile where source = 'stream'")
            .rows()
            .get(0));
    assertEquals(
        "4",
        warehouse
            .query("select count(*) as n from load_manifest where status = 'loaded'")
            .first("n"));
  }

  @Test
  void aWarehouseWithTextKeysFromAnEarlierVersionIsRefusedWithWhatToDo() throws Exception {
    Path file = dir.resolve("old.duckdb");
    try (Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute(
          SqlModels.FACT_TURNSTILE
              .section("create")
              .replace("log_id       uhugeint", "log_id       varchar")
              .substring(0, SqlModels.FACT_TURNSTILE.section("create").indexOf(';') + 1));
    }
    Warehouse old =
        new Warehouse(new WarehouseDatabase(file, Duration.ofSeconds(5), notices::add), lake);
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> old.database().openForWrite().close());
    assertTrue(
        refused.getMessage().contains("earlier version (text log_id keys): delete the DuckDB file"),
        refused.getMessage());
  }

  @Test
  void aWarehouseWithTheWideFactOfAnEarlierVersionIsRefusedWithWhatToDo() throws Exception {
    Path file = dir.resolve("wide.duckdb");
    try (Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute(
          """
          create table fact_turnstile (
              log_id uhugeint not null, source varchar not null, station_id varchar not null,
              booth_id varchar not null, date_id integer not null, ca varchar not null,
              unit varchar not null, scp varchar not null, station varchar, line_name varchar,
              division varchar, reading_at timestamp not null, interval_end timestamp,
              description varchar, entries bigint not null, exits bigint not null,
              lake_key varchar not null, loaded_at timestamp not null)""");
    }
    Warehouse old =
        new Warehouse(new WarehouseDatabase(file, Duration.ofSeconds(5), notices::add), lake);
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> old.database().openForWrite().close());
    assertTrue(
        refused
            .getMessage()
            .contains(
                "earlier version (a wide fact_turnstile): delete the DuckDB file and load again"),
        refused.getMessage());
  }

  @Test
  void aFailedCheckIsStoredAndNamed() throws Exception {
    putTrafficWeek();
    for (LakeFile file : warehouse.unloadedFiles()) {
      warehouse.load(file);
    }
    try (Connection connection = warehouse.database().openForWrite();
        Statement statement = connection.createStatement()) {
      statement.execute("insert into fact_turnstile select * from fact_turnstile limit 1");
    }
    List<CheckResult> results = warehouse.check();
    CheckResult unique =
        results.stream().filter(r -> r.name().equals("unique_log_id")).findFirst().orElseThrow();
    assertFalse(unique.passed());
    assertEquals(1, unique.failures());
    DataQualityException failure =
        assertThrows(DataQualityException.class, () -> DataQualityException.requirePassed(results));
    assertTrue(failure.getMessage().contains("unique_log_id"), failure.getMessage());
    assertEquals(
        "false",
        warehouse
            .query("select passed from check_results where name = 'unique_log_id'")
            .first("passed"));
  }

  @Test
  void dashboardSnapshotGoesToTheLakeWithItsCharts() throws Exception {
    putTrafficWeek();
    TestLakes.putStream(lake, "part-0", List.of(window("00-00-01", "2024-01-01T08:00:00", 4, 2)));
    for (LakeFile file : warehouse.unloadedFiles()) {
      warehouse.load(file);
    }
    warehouse.refreshTraffic();
    warehouse.check();
    DashboardSnapshot written =
        Dashboard.publish(lake, Dashboard.read(warehouse.database(), Optional.empty()));
    DashboardSnapshot read =
        Dashboard.parse(lake.open(LakeLayout.TURNSTILE_DASHBOARD + Dashboard.JSON).readAllBytes());
    assertEquals(written, read);
    assertEquals(9 + 1, read.tables().get("fact_turnstile"));
    assertEquals(16 * 365 + 4, read.tables().get("dim_date"), "2020-2035 with 4 leap days");
    assertEquals(140, read.totals().batchEntries());
    assertEquals(4, read.totals().streamEntries());
    assertEquals(3, read.totals().unknownIntervals());
    assertEquals("59 ST", read.busiestStations().get(0).station());
    assertEquals("59 ST", read.hourlyProfile().station());
    assertEquals(
        List.of(
            "daily_traffic.png",
            "busiest_stations.png",
            "hourly_profile.png",
            "batch_vs_stream.png"),
        read.charts());
    for (String chart : read.charts()) {
      byte[] png = lake.open(LakeLayout.TURNSTILE_DASHBOARD + chart).readAllBytes();
      assertEquals((byte) 0x89, png[0], chart + " is a PNG");
    }
    assertTrue(read.checks().stream().allMatch(DashboardSnapshot.Check::passed));
    assertTrue(read.daily().stream().anyMatch(d -> d.source().equals("stream")));
  }
}
