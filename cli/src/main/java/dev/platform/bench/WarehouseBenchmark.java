package dev.platform.bench;

import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileCsv;
import dev.platform.core.turnstile.TurnstileReading;
import dev.platform.turnstile.warehouse.WarehouseLoadActivities;
import dev.platform.turnstile.warehouse.WarehouseLoadActivitiesImpl;
import dev.platform.turnstile.warehouse.WarehouseLoadResult;
import dev.platform.turnstile.warehouse.WarehouseLoadSteps;
import dev.platform.warehouse.CheckResult;
import dev.platform.warehouse.FileLoad;
import dev.platform.warehouse.LakeFile;
import dev.platform.warehouse.Warehouse;
import dev.platform.warehouse.WarehouseDatabase;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Times the warehouse load of the mirror's weekly files against DuckDB reading the same lake files
 * with a bare {@code read_csv} into one table, in the same run, and a second (no-op) load.
 */
public final class WarehouseBenchmark {
  private static final Pattern WEEK_FILE = Pattern.compile("(?:turnstile_)?(\\d{6})\\.csv\\.gz");
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  /**
   * The step timed against the bare read: every {@code LoadLakeFiles} activity of the load (each
   * file downloaded from the lake and checksummed, its header checked, all read in one scan, keyed,
   * deduplicated, dimension rows, new facts, manifest rows, commit).
   */
  public static final String FILE_LOADS = "LoadLakeFiles";

  /** Seconds of each step; ratio = file loads / bare read_csv. */
  public record Figures(
      int weeks,
      long factRows,
      Map<String, Double> loadSteps,
      double loadSeconds,
      double bareSeconds,
      long bareRows,
      double noOpSeconds) {
    public double fileLoadSeconds() {
      return loadSteps.getOrDefault(FILE_LOADS, 0.0);
    }

    public double ratio() {
      return fileLoadSeconds() / bareSeconds;
    }
  }

  private final Path mirror;
  private final Path work;

  public WarehouseBenchmark(Path mirror, Path work) {
    this.mirror = mirror;
    this.work = work;
  }

  public Figures run(Consumer<String> progress) throws IOException, SQLException {
    LocalLake lake = new LocalLake(work.resolve("lake"));
    List<Path> weeks = weekFiles();
    if (weeks.isEmpty()) {
      throw new IllegalArgumentException("no weekly files (yyMMdd.csv.gz) in " + mirror);
    }
    for (Path week : weeks) {
      LocalDate saturday = saturdayOf(week);
      lake.put(LakeLayout.turnstileBatch(saturday), canonical(week));
      progress.accept("lake: " + LakeLayout.turnstileBatch(saturday));
    }
    reference().ifPresent(file -> putQuietly(lake, file));

    Warehouse warehouse =
        new Warehouse(
            new WarehouseDatabase(
                work.resolve("warehouse.duckdb"), Duration.ofMinutes(1), progress),
            lake);
    TimedActivities timed = new TimedActivities(new WarehouseLoadActivitiesImpl(warehouse));
    long start = System.nanoTime();
    WarehouseLoadResult first = WarehouseLoadSteps.run(timed, progress);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> steps = new LinkedHashMap<>(timed.seconds);

    List<String> files =
        lake.list(LakeLayout.TURNSTILE_BATCH).stream()
            .map(object -> lake.path(object.key()).toString())
            .toList();
    // like a file load (an activity opens the warehouse, loads, commits and closes it): timed from
    // opening the file to closing it, when DuckDB has checkpointed the table into the file
    String bareUrl = "jdbc:duckdb:" + work.resolve("bare.duckdb");
    long bareStart = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(bareUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("create table readings as select * from " + bareReadCsv(files));
    }
    double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
    long bareRows;
    try (Connection connection = DriverManager.getConnection(bareUrl);
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("select count(*) from readings")) {
      rows.next();
      bareRows = rows.getLong(1);
    }
    progress.accept(String.format("bare read_csv: %,d rows in %.2f s", bareRows, bareSeconds));

    long noOpStart = System.nanoTime();
    WarehouseLoadResult second =
        WarehouseLoadSteps.run(new WarehouseLoadActivitiesImpl(warehouse), line -> {});
    double noOpSeconds = (System.nanoTime() - noOpStart) / 1e9;
    if (second.filesLoaded() != 0) {
      throw new IllegalStateException("the second load was not a no-op: " + second.summary());
    }
    return new Figures(
        weeks.size(), first.rowsInserted(), steps, loadSeconds, bareSeconds, bareRows, noOpSeconds);
  }

  static String bareReadCsv(List<String> files) {
    String list =
        files.stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(","));
    return "read_csv(["
        + list
        + "], header = true, auto_detect = false, columns = {'CA': 'VARCHAR', 'UNIT': 'VARCHAR',"
        + " 'SCP': 'VARCHAR', 'STATION': 'VARCHAR', 'LINENAME': 'VARCHAR', 'DIVISION': 'VARCHAR',"
        + " 'DATE': 'DATE', 'TIME': 'TIME', 'DESC': 'VARCHAR', 'ENTRIES': 'BIGINT',"
        + " 'EXITS': 'BIGINT'}, dateformat = '%Y-%m-%d')";
  }

  private List<Path> weekFiles() throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path folder : List.of(mirror, mirror.resolve("mta"))) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          files
              .filter(f -> WEEK_FILE.matcher(f.getFileName().toString()).matches())
              .forEach(found::add);
        }
      }
    }
    found.sort(Comparator.comparing(f -> f.getFileName().toString()));
    return found;
  }

  private java.util.Optional<Path> reference() {
    return Stream.of(
            mirror.resolve("mta/remote_booth_station.csv"),
            mirror.resolve("remote_booth_station.csv"))
        .filter(Files::isRegularFile)
        .findFirst();
  }

  private static void putQuietly(LocalLake lake, Path file) {
    try {
      lake.put(LakeLayout.TURNSTILE_REFERENCE, file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static LocalDate saturdayOf(Path week) {
    Matcher matcher = WEEK_FILE.matcher(week.getFileName().toString());
    matcher.matches();
    return LocalDate.parse(matcher.group(1), YYMMDD);
  }

  /** A public-format weekly file as the lake's canonical gzip CSV (bad lines left out). */
  private Path canonical(Path week) throws IOException {
    Path target = work.resolve("canonical").resolve(week.getFileName());
    Files.createDirectories(target.getParent());
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(week)), StandardCharsets.UTF_8));
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(target)), StandardCharsets.UTF_8))) {
      TurnstileCsv.Header header = TurnstileCsv.header(in.readLine());
      out.write(TurnstileCsv.HEADER);
      out.newLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        ParseResult<TurnstileReading> reading = header.parse(line);
        if (reading.isOk()) {
          out.write(TurnstileCsv.format(reading.get()));
          out.newLine();
        }
      }
    }
    return target;
  }

  /** The activities, timed per activity type. */
  private static final class TimedActivities implements WarehouseLoadActivities {
    private final WarehouseLoadActivities delegate;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    TimedActivities(WarehouseLoadActivities delegate) {
      this.delegate = delegate;
    }

    private <T> T time(String name, Supplier<T> step) {
      long start = System.nanoTime();
      try {
        return step.get();
      } finally {
        seconds.merge(name, (System.nanoTime() - start) / 1e9, Double::sum);
      }
    }

    @Override
    public long loadReference() {
      return time("LoadReference", delegate::loadReference);
    }

    @Override
    public List<LakeFile> listUnloadedFiles() {
      return time("ListUnloadedFiles", delegate::listUnloadedFiles);
    }

    @Override
    public List<FileLoad> loadFiles(List<LakeFile> files) {
      return time(FILE_LOADS, () -> delegate.loadFiles(files));
    }

    @Override
    public boolean upToDate() {
      return time("IsUpToDate", delegate::upToDate);
    }

    @Override
    public long refreshTraffic() {
      return time("RefreshTraffic", delegate::refreshTraffic);
    }

    @Override
    public List<CheckResult> runChecks() {
      return time("RunChecks", delegate::runChecks);
    }

    @Override
    public String refreshDashboard() {
      return time("RefreshDashboard", delegate::refreshDashboard);
    }
  }
}
