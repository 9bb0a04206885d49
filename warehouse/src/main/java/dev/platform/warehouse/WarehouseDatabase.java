package dev.platform.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DuckDB file of the warehouse. DuckDB lets one process write a file and no other process open
 * it meanwhile, so connections are opened per operation and closed after it; while another process
 * holds the file, opening waits (polling, with a notice) up to a timeout and then fails with a
 * {@link WarehouseBusyException} that says so.
 */
public final class WarehouseDatabase {
  /** How long an operation waits for another process's load by default. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Pattern LOCK_HOLDER = Pattern.compile("\\(PID (\\d+)\\)");

  private final Path file;
  private final Duration lockTimeout;
  private final Consumer<String> notices;

  public WarehouseDatabase(Path file, Duration lockTimeout, Consumer<String> notices) {
    this.file = file.toAbsolutePath().normalize();
    this.lockTimeout = lockTimeout;
    this.notices = notices;
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /**
   * A read-write connection, the schema brought up to date (tables created if missing, views
   * replaced). The caller closes it.
   */
  public Connection openForWrite() {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Connection connection = open(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : SqlModels.createStatements()) {
        statement.execute(sql);
      }
      return connection;
    } catch (SQLException e) {
      close(connection);
      throw new IllegalStateException("cannot set up the warehouse schema: " + e.getMessage(), e);
    }
  }

  /** A read-only connection for queries; the caller closes it. */
  public Connection openReadOnly() {
    if (!exists()) {
      throw new IllegalStateException(
          "no warehouse at " + file + " yet: run `platform warehouse load` first");
    }
    return open(true);
  }

  private Connection open(boolean readOnly) {
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    boolean told = false;
    while (true) {
      try {
        Properties properties = new Properties();
        if (readOnly) {
          properties.setProperty("duckdb.read_only", "true");
        }
        // every query orders what it shows; tables need not keep the order rows were read in,
        // which lets DuckDB write a multi-file scan from all its threads
        properties.setProperty("preserve_insertion_order", "false");
        return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
      } catch (SQLException e) {
        Optional<String> holder = lockHolder(e);
        if (holder.isEmpty()) {
          throw new IllegalStateException(
              "cannot open the warehouse " + file + ": " + firstLine(e.getMessage()), e);
        }
        if (System.nanoTime() > deadline) {
          throw new WarehouseBusyException(
              "warehouse "
                  + file
                  + " is being loaded by another process ("
                  + holder.get()
                  + "); gave up after "
                  + lockTimeout.toSeconds()
                  + " s. Try again when it is done.");
        }
        if (!told) {
          notices.accept(
              "warehouse is being loaded by another process (" + holder.get() + "), waiting...");
          told = true;
        }
        sleep();
      }
    }
  }

  /** The holder named by a DuckDB lock conflict ("pid 1234"), or empty for other errors. */
  static Optional<String> lockHolder(SQLException e) {
    String message = String.valueOf(e.getMessage());
    if (!message.contains("Could not set lock") && !message.contains("Conflicting lock")) {
      return Optional.empty();
    }
    Matcher matcher = LOCK_HOLDER.matcher(message);
    return Optional.of(matcher.find() ? "pid " + matcher.group(1) : "pid unknown");
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the warehouse", e);
    }
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the original failure matters more
    }
  }
}
