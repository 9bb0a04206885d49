package dev.platform.warehouse;

import dev.platform.core.io.Folders;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.turnstile.StreamAggregate;
import dev.platform.core.turnstile.TurnstileCsv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turnstile warehouse's operations on a lake: find unloaded files, load files (all batch files
 * of a load in one transaction and one parallel scan; bad files quarantined), load the reference
 * table, run the data-quality checks, query. Each operation opens the DuckDB file and closes it
 * before returning.
 */
public final class Warehouse {
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
  private static final int DETAIL_LENGTH = 240;
  private static final String REFERENCE = "reference";

  /** Files worth loading together: staging holds them all (a batch week is ~250,000 rows). */
  public static final int MAX_FILES_PER_LOAD = 12;

  private final WarehouseDatabase database;
  private final Lake lake;

  public Warehouse(WarehouseDatabase database, Lake lake) {
    this.database = database;
    this.lake = lake;
  }

  public WarehouseDatabase database() {
    return database;
  }

  public Lake lake() {
    return lake;
  }

  /** Batch weeks and stream files of the lake whose key and checksum the manifest lacks. */
  public List<LakeFile> unloadedFiles() throws IOException {
    List<LakeFile> candidates = new ArrayList<>();
    for (String prefix : List.of(LakeLayout.TURNSTILE_BATCH, LakeLayout.TURNSTILE_STREAM)) {
      for (LakeObject object : lake.list(prefix)) {
        LakeFile.of(object).ifPresent(candidates::add);
      }
    }
    Set<String> known = new HashSet<>();
    try (Connection connection = database.openForWrite();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select lake_key, sha256 from load_manifest")) {
      while (rows.next()) {
        known.add(rows.getString(1) + "@" + rows.getString(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the load manifest: " + e.getMessage(), e);
    }
    return candidates.stream()
        .filter(file -> !known.contains(file.key() + "@" + file.sha256()))
        .toList();
  }

  /**
   * Loads the remote/booth -> station reference table from the lake into the dimensions (new rows
   * added, rows first seen in facts marked as known). Returns the booths it holds, 0 when the lake
   * has no reference table (the dimensions then come from the facts alone).
   */
  public long loadReference() throws IOException {
    Optional<LakeObject> reference = lake.stat(LakeLayout.TURNSTILE_REFERENCE);
    if (reference.isEmpty()) {
      LOG.warn(
          "no reference table at {}; stations come from the facts alone",
          LakeLayout.TURNSTILE_REFERENCE);
      return 0;
    }
    LakeFile file = new LakeFile(reference.get().key(), reference.get().sha256(), REFERENCE);
    Path local = Files.createTempFile("warehouse-reference-", ".csv");
    try (Connection connection = database.openForWrite();
        Statement statement = connection.createStatement()) {
      if (isLoaded(connection, file.key(), file.sha256())) {
        return 0;
      }
      lake.download(LakeLayout.TURNSTILE_REFERENCE, local);
      connection.setAutoCommit(false);
      try {
        statement.execute(
            SqlModels.STG_REFERENCE.section(
                "load", Map.of("file", SqlScript.literal(local.toString()))));
        statement.execute(SqlModels.DIM_STATION.section("load_reference"));
        statement.execute(SqlModels.DIM_STATION.section("flag_reference"));
        statement.execute(SqlModels.DIM_BOOTH.section("load_reference"));
        statement.execute(SqlModels.DIM_BOOTH.section("flag_reference"));
        long booths = count(statement, "select count(*) from stg_booth_reference");
        record(
            connection,
            nextFileId(connection),
            file,
            sha256(local),
            booths,
            booths,
            "loaded",
            null);
        connection.commit();
        return booths;
      } catch (SQLException e) {
        connection.rollback();
        throw new IllegalStateException(
            "cannot load the reference table "
                + LakeLayout.TURNSTILE_REFERENCE
                + ": "
                + WarehouseDatabase.firstLine(e.getMessage()),
            e);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      Files.deleteIfExists(local);
    }
  }

  /**
   * Rebuilds {@code traffic_intervals} from the {@code turnstile_traffic} view; returns the
   * intervals whose traffic is unknown.
   */
  public long refreshTraffic() {
    try (Connection connection = database.openForWrite();
        Statement statement = connection.createStatement()) {
      statement.execute(SqlModels.TRAFFIC.section("refresh", SqlModels.CONSTANTS));
      return count(
          statement,
          "select count(*) from traffic_intervals where entries is null or exits is null");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot rebuild the traffic table: " + e.getMessage(), e);
    }
  }

  /**
   * True when nothing was loaded since the last check run, that run passed, and the dashboard is in
   * the lake: a load that found nothing new has nothing to check or publish.
   */
  public boolean upToDate() throws IOException {
    if (!lake.exists(LakeLayout.TURNSTILE_DASHBOARD + Dashboard.JSON)) {
      return false;
    }
    try (Connection connection = database.openForWrite();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                """
                with last_run as (
                    select run_id, max(checked_at) as checked_at, bool_and(passed) as passed
                    from check_results
                    group by run_id
                    order by checked_at desc
                    limit 1
                )
                select count(*) from last_run
                where passed
                  and checked_at >= (select coalesce(max(loaded_at), timestamp '1970-01-01')
                                     from load_manifest)""")) {
      row.next();
      return row.getLong(1) == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the last checks: " + e.getMessage(), e);
    }
  }

  /**
   * Loads one lake file in one transaction: staging, new dimension rows, new fact rows and its
   * manifest row commit together or not at all. A file already in the manifest (same key and
   * checksum) is skipped. A file that cannot be parsed is copied to quarantine with its reason,
   * recorded in the manifest as quarantined, and not loaded.
   */
  public FileLoad load(LakeFile file) throws IOException {
    return load(List.of(file)).get(0);
  }

  /**
   * Loads lake files together: the batch files in one transaction and one parallel scan, the stream
   * files in another (staging, new dimension rows, new fact rows and every file's manifest row
   * commit together or not at all). Files already in the manifest (same key and checksum) are
   * skipped. A file that cannot be parsed is copied to quarantine with its reason, recorded in the
   * manifest as quarantined, and not loaded; the others load (when the files of a transaction
   * cannot be read together, each is loaded on its own to find the one at fault). Returns what
   * happened to each file, in the order given. At most {@link #MAX_FILES_PER_LOAD} files are worth
   * passing at once: staging holds them all.
   */
  public List<FileLoad> load(List<LakeFile> files) throws IOException {
    long start = System.nanoTime();
    LOG.info("loading {}", keys(files));
    Path folder = Files.createTempDirectory("warehouse-load-");
    Map<LakeFile, FileLoad> done = new HashMap<>();
    try (Connection connection = database.openForWrite()) {
      Map<String, List<Download>> pending = new TreeMap<>();
      for (LakeFile file : files.stream().distinct().toList()) {
        Download download = Download.of(lake, file, folder);
        if (isLoaded(connection, file.key(), download.sha256())) {
          done.put(
              file,
              new FileLoad(
                  file.key(),
                  file.source(),
                  FileLoad.Status.ALREADY_LOADED,
                  0,
                  0,
                  "",
                  seconds(start)));
          continue;
        }
        String problem = headerProblem(download.local(), file.source());
        if (problem != null) {
          done.put(file, quarantine(connection, download, problem, start));
          continue;
        }
        pending.computeIfAbsent(file.source(), source -> new ArrayList<>()).add(download);
      }
      LOG.info(
          "{} files downloaded, checksummed and their headers checked in {} s",
          files.size(),
          String.format(Locale.ROOT, "%.2f", seconds(start)));
      for (List<Download> together : pending.values()) {
        for (FileLoad load : loadTogether(connection, together, start)) {
          together.stream()
              .filter(d -> d.file().key().equals(load.key()))
              .forEach(d -> done.put(d.file(), load));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "loading " + keys(files) + " failed: " + WarehouseDatabase.firstLine(e.getMessage()), e);
    } finally {
      Folders.deleteRecursively(folder);
    }
    return files.stream().map(done::get).toList();
  }

  /**
   * Files of one source in one transaction; when they cannot be staged together, each on its own (a
   * lone file that cannot be staged is quarantined).
   */
  private List<FileLoad> loadTogether(Connection connection, List<Download> given, long start)
      throws SQLException, IOException {
    // numbered in key order: of repeated readings, the earlier file's (lower file_id) stays
    List<Download> downloads =
        given.stream().sorted(Comparator.comparing(d -> d.file().key())).toList();
    String problem;
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      int firstFileId = nextFileId(connection);
      long staging = System.nanoTime();
      problem = stage(statement, downloads, firstFileId);
      if (problem == null) {
        Map<Integer, Long> rowsRead =
            countsByFile(statement, "select file_id, count(*) from stg_turnstile group by all");
        long dimensions = System.nanoTime();
        statement.execute(SqlModels.DIM_STATION.section("load"));
        statement.execute(SqlModels.DIM_BOOTH.section("load"));
        long facts = System.nanoTime();
        if (LakeFile.STREAM.equals(downloads.get(0).file().source())) {
          statement.executeUpdate(SqlModels.FACT_TURNSTILE.section("accumulate"));
        }
        statement.executeUpdate(SqlModels.FACT_TURNSTILE.section("load"));
        long recording = System.nanoTime();
        Map<Integer, Long> rowsNew =
            countsByFile(
                statement,
                SqlModels.FACT_TURNSTILE.section(
                    "inserted", Map.of("first_file_id", Integer.toString(firstFileId))));
        List<FileLoad> loads = new ArrayList<>();
        for (int i = 0; i < downloads.size(); i++) {
          Download download = downloads.get(i);
          String key = download.file().key();
          int fileId = firstFileId + i;
          long read = rowsRead.getOrDefault(fileId, 0L);
          long inserted = rowsNew.getOrDefault(fileId, 0L);
          record(
              connection,
              fileId,
              download.file(),
              download.sha256(),
              read,
              inserted,
              "loaded",
              null);
          loads.add(
              new FileLoad(
                  key,
                  download.file().source(),
                  FileLoad.Status.LOADED,
                  read,
                  inserted,
                  "",
                  seconds(start)));
        }
        long committing = System.nanoTime();
        connection.commit();
        LOG.info(
            "{} files: staged in {} s, dimensions {} s, facts {} s, manifest {} s, commit {} s",
            downloads.size(),
            between(staging, dimensions),
            between(dimensions, facts),
            between(facts, recording),
            between(recording, committing),
            between(committing, System.nanoTime()));
        loads.forEach(load -> LOG.info(load.describe()));
        return loads;
      }
      connection.rollback();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    if (downloads.size() == 1) {
      return List.of(quarantine(connection, downloads.get(0), problem, start));
    }
    LOG.warn(
        "{} files cannot load together ({}); loading each on its own", downloads.size(), problem);
    List<FileLoad> loads = new ArrayList<>();
    for (Download download : downloads) {
      loads.addAll(loadTogether(connection, List.of(download), start));
    }
    return loads;
  }

  private FileLoad quarantine(Connection connection, Download download, String problem, long start)
      throws IOException, SQLException {
    LakeFile file = download.file();
    quarantine(file, download.local(), problem);
    record(
        connection, nextFileId(connection), file, download.sha256(), 0, 0, "quarantined", problem);
    FileLoad load =
        new FileLoad(
            file.key(), file.source(), FileLoad.Status.QUARANTINED, 0, 0, problem, seconds(start));
    LOG.warn(load.describe());
    return load;
  }

  /** A count per file: the query's first column is the file id, the second the count. */
  private static Map<Integer, Long> countsByFile(Statement statement, String sql)
      throws SQLException {
    Map<Integer, Long> counts = new HashMap<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counts.put(rows.getInt(1), rows.getLong(2));
      }
    }
    return counts;
  }

  /**
   * A lake file as a local file with the checksum of its bytes: read in place in a folder lake
   * (checksummed by the lake, which remembers it), else downloaded to {@code folder/<its key>}.
   */
  private record Download(LakeFile file, Path local, String sha256) {
    static Download of(Lake lake, LakeFile file, Path folder) throws IOException {
      Optional<Path> inPlace = lake.localFile(file.key());
      Optional<LakeObject> object = inPlace.isPresent() ? lake.stat(file.key()) : Optional.empty();
      if (inPlace.isPresent() && object.isPresent()) {
        return new Download(file, inPlace.get(), object.get().sha256());
      }
      Path local = folder.resolve(file.key()).normalize();
      if (!local.startsWith(folder)) {
        throw new IllegalArgumentException("lake key outside the lake: " + file.key());
      }
      Files.createDirectories(local.getParent());
      lake.download(file.key(), local);
      return new Download(file, local, Warehouse.sha256(local));
    }
  }

  private static String keys(List<LakeFile> files) {
    return files.size() == 1 ? files.get(0).key() : files.size() + " lake files";
  }

  /** Runs every check of {@code 60_checks.sql}, stores the results and returns them. */
  public List<CheckResult> check() {
    List<CheckResult> results = new ArrayList<>();
    String runId = UUID.randomUUID().toString();
    try (Connection connection = database.openForWrite();
        Statement statement = connection.createStatement()) {
      for (String section : SqlModels.CHECKS.names("check ")) {
        String name = section.substring("check ".length()).strip();
        try (ResultSet row = statement.executeQuery(SqlModels.CHECKS.section(section))) {
          row.next();
          long failures = row.getLong("failures");
          String detail = failures == 0 ? "" : abbreviate(row.getString("detail"));
          results.add(new CheckResult(name, failures == 0, failures, detail));
        }
      }
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(SqlModels.CHECKS.section("record"))) {
        for (CheckResult result : results) {
          insert.setString(1, runId);
          insert.setString(2, result.name());
          insert.setBoolean(3, result.passed());
          insert.setLong(4, result.failures());
          insert.setString(5, result.detail());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the data-quality checks could not run: " + e.getMessage(), e);
    }
    return results;
  }

  /** Runs a query on a read-only connection. */
  public QueryResult query(String sql) {
    try (Connection connection = database.openReadOnly();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return QueryResult.of(rows);
    } catch (SQLException e) {
      throw new IllegalArgumentException(
          "query failed: " + WarehouseDatabase.firstLine(e.getMessage()), e);
    }
  }

  private static boolean isLoaded(Connection connection, String key, String sha256)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select count(*) from load_manifest where lake_key = ? and sha256 = ?")) {
      query.setString(1, key);
      query.setString(2, sha256);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1) > 0;
      }
    }
  }

  /**
   * Builds {@code stg_turnstile} from the files, numbered {@code firstFileId}, {@code firstFileId +
   * 1}, ... in their order; returns why it cannot, or null.
   */
  private static String stage(Statement statement, List<Download> downloads, int firstFileId)
      throws SQLException {
    String source = downloads.get(0).file().source();
    SqlScript staging = LakeFile.STREAM.equals(source) ? SqlModels.STG_STREAM : SqlModels.STG_BATCH;
    String files =
        downloads.stream()
            .map(d -> "'" + SqlScript.literal(d.local().toString()) + "'")
            .collect(Collectors.joining(", "));
    try {
      statement.execute(
          staging.section(
              "load", Map.of("files", files, "first_file_id", Integer.toString(firstFileId))));
      statement.execute(staging.section("deduplicate"));
    } catch (SQLException e) {
      if (isOwnMistake(e)) {
        throw e; // a mistake in the SQL, not in the file: never quarantine good files for it
      }
      return "cannot be parsed: " + WarehouseDatabase.firstLine(e.getMessage());
    }
    long incomplete =
        count(
            statement,
            "select count(*) from stg_turnstile where ca is null or unit is null or scp is null"
                + " or station is null or reading_at is null or entries is null or exits is null");
    if (incomplete > 0) {
      return incomplete + " rows lack CA, UNIT, SCP, STATION, the time, ENTRIES or EXITS";
    }
    return null;
  }

  private static boolean isOwnMistake(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith("Parser Error")
        || message.startsWith("Binder Error")
        || message.startsWith("Catalog Error");
  }

  /** Why the file's header is not the expected one, or null when it is. */
  private static String headerProblem(Path local, String source) {
    String expected = LakeFile.STREAM.equals(source) ? StreamAggregate.HEADER : TurnstileCsv.HEADER;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(local));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null) {
        return "empty file";
      }
      if (!header.strip().equals(expected)) {
        return "header is '" + abbreviate(header) + "', expected '" + expected + "'";
      }
      return null;
    } catch (IOException e) {
      return "not a readable gzip file: " + e.getMessage();
    }
  }

  private void quarantine(LakeFile file, Path local, String reason) throws IOException {
    String target = LakeLayout.turnstileQuarantine(file.key());
    lake.put(target, local);
    lake.put(
        LakeLayout.reasonOf(target),
        (file.key() + " (sha256 " + file.sha256() + "): " + reason + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The number the next file recorded in the manifest takes. */
  private static int nextFileId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return (int) count(statement, SqlModels.MANIFEST.section("next_file_id"));
    }
  }

  private static void record(
      Connection connection,
      int fileId,
      LakeFile file,
      String sha256,
      long rowsRead,
      long rowsInserted,
      String status,
      String reason)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(SqlModels.MANIFEST.section("record"))) {
      insert.setInt(1, fileId);
      insert.setString(2, file.key());
      insert.setString(3, sha256);
      insert.setString(4, file.source());
      insert.setLong(5, rowsRead);
      insert.setLong(6, rowsInserted);
      insert.setString(7, status);
      insert.setString(8, reason);
      insert.executeUpdate();
    }
  }

  static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 3) + "...";
  }

  private static String between(long from, long to) {
    return String.format(Locale.ROOT, "%.2f", (to - from) / 1e9);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
