package dev.platform.turnstile.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LocalLake;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import dev.platform.warehouse.TestLakes;
import dev.platform.warehouse.Warehouse;
import dev.platform.warehouse.WarehouseDatabase;
import io.temporal.client.WorkflowStub;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real worker process killed in the middle of a WarehouseLoad: the server times the files' load
 * out by its heartbeat, a second worker loads them again, and the warehouse ends with the rows of
 * an uninterrupted run (the killed load's transaction never committed).
 */
class WarehouseWorkerCrashTest {
  static final List<String> WEEKS = List.of("240106", "240113", "240120");

  @TempDir Path home;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void killedWorkerMidLoadLeavesTheRowsOfAnUninterruptedRun() throws Exception {
    LocalLake lake = new LocalLake(home.resolve("lake"));
    TestLakes.putReference(lake);
    long expectedRows = 0;
    for (String week : WEEKS) {
      LocalDate saturday =
          LocalDate.parse("20" + week, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      expectedRows += TestLakes.putWeek(lake, saturday, TestLakes.sharedWeek(week), 120_000);
    }
    Path warehouseFile = home.resolve("warehouse/turnstile.duckdb");
    int port = freePort();
    start("temporal", List.of(), "io.temporal.testserver.TestServer", String.valueOf(port));
    awaitPort(port, Duration.ofSeconds(30));

    try (TemporalConnection connection =
        TemporalConnection.open(TemporalSettings.local("localhost:" + port))) {
      Path firstLog = logs().resolve("warehouse-worker-1.log");
      Process firstWorker = startWorker(port, lake, warehouseFile, "warehouse-worker-1");
      WorkflowStub load = WarehouseLoads.startOrJoin(connection.client());
      awaitLine(firstLog, "loading 3 lake files", Duration.ofSeconds(120));
      Thread.sleep(300); // into the load
      firstWorker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertTrue(
          !Files.readString(firstLog).contains("loaded turnstile/batch/2024/turnstile_240106"),
          "the worker must die before the files' load commits");

      startWorker(port, lake, warehouseFile, "warehouse-worker-2");
      WarehouseLoadResult result = load.getResult(3, TimeUnit.MINUTES, WarehouseLoadResult.class);
      assertTrue(
          result.summary().contains("7 data-quality checks passed"), result.summary().toString());
    }
    Warehouse warehouse =
        new Warehouse(new WarehouseDatabase(warehouseFile, Duration.ofSeconds(30), n -> {}), lake);
    assertEquals(
        String.valueOf(expectedRows),
        warehouse.query("select count(*) as n from fact_turnstile").first("n"));
    assertEquals(
        "3",
        warehouse
            .query(
                "select count(*) as n from load_manifest where source = 'batch' and status = 'loaded'")
            .first("n"));
  }

  private Process startWorker(int port, LocalLake lake, Path warehouseFile, String name)
      throws IOException {
    return start(
        name,
        List.of(
            "TEMPORAL_ADDRESS=localhost:" + port,
            "PLATFORM_HOME=" + home,
            "PLATFORM_LAKE=" + lake.root(),
            "PLATFORM_WAREHOUSE=" + warehouseFile,
            "PLATFORM_LOG_LEVEL=INFO"),
        "dev.platform.worker.WorkerMain",
        "--no-schedules");
  }

  private Process start(String name, List<String> env, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(classPath());
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    for (String variable : env) {
      String[] parts = variable.split("=", 2);
      builder.environment().put(parts[0], parts[1]);
    }
    builder.redirectErrorStream(true);
    Files.deleteIfExists(logs().resolve(name + ".log"));
    builder.redirectOutput(logs().resolve(name + ".log").toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static Path logs() throws IOException {
    return Files.createDirectories(Path.of("target", "worker-crash-logs"));
  }

  /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
  private static String classPath() {
    String testClassPath = System.getProperty("surefire.test.class.path");
    return testClassPath != null && !testClassPath.isBlank()
        ? testClassPath
        : System.getProperty("java.class.path").replace(' ', File.pathSeparatorChar);
  }

  private static void awaitLine(Path log, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + text + "' in " + log + " within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket("localhost", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("port " + port + " not open within " + timeout);
  }
}
