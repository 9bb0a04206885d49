package dev.platform.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LocalLake;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process holding the DuckDB file: queries and loads wait with a clear message. */
class WarehouseLockTest {
  @TempDir Path dir;
  Process holder;

  @AfterEach
  void stop() {
    if (holder != null) {
      holder.destroyForcibly();
    }
  }

  @Test
  void aQueryGivesUpClearlyAndALoadWaitsThenProceeds() throws Exception {
    Path file = dir.resolve("w.duckdb");
    LocalLake lake = new LocalLake(dir.resolve("lake"));
    TestLakes.putWeek(
        lake,
        LocalDate.parse("2024-01-06"),
        List.of(Readings.reading("00-00-00", "2024-01-01T03:00:00", "REGULAR", 1, 1)));
    holder = hold(file, 4_000);

    List<String> notices = new CopyOnWriteArrayList<>();
    Warehouse impatient =
        new Warehouse(new WarehouseDatabase(file, Duration.ofSeconds(1), notices::add), lake);
    WarehouseBusyException busy =
        assertThrows(WarehouseBusyException.class, () -> impatient.query("select 1"));
    assertTrue(
        busy.getMessage().contains("is being loaded by another process (pid " + holder.pid() + ")"),
        busy.getMessage());
    assertEquals(
        "warehouse is being loaded by another process (pid " + holder.pid() + "), waiting...",
        notices.get(0));

    notices.clear();
    Warehouse patient =
        new Warehouse(new WarehouseDatabase(file, Duration.ofSeconds(60), notices::add), lake);
    long start = System.nanoTime();
    LakeFile week = patient.unloadedFiles().get(0);
    assertTrue(holder.isAlive() || !notices.isEmpty(), "the load had to wait");
    assertEquals(1, notices.size(), "one notice while waiting: " + notices);
    assertEquals(FileLoad.Status.LOADED, patient.load(week).status());
    assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
    assertTrue((System.nanoTime() - start) / 1e9 < 30);
  }

  /** A child JVM on this test classpath that holds the file for writing. */
  private static Process hold(Path file, long millis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HoldWarehouse.class.getName(),
                file.toString(),
                Long.toString(millis))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.contains("holding")) {
        return process;
      }
    }
    throw new IllegalStateException("the holder process ended without holding the file");
  }
}
