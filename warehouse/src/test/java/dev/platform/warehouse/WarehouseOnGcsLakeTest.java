package dev.platform.warehouse;

import static dev.platform.warehouse.Readings.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.platform.core.lake.GcsLake;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LocalLake;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder lake's files are read in place; a bucket's are downloaded first. Both load the same rows
 * (GCS is the in-memory fake behind the real client).
 */
class WarehouseOnGcsLakeTest {
  @TempDir Path dir;

  @Test
  void aBucketLakeLoadsTheSameRowsAsAFolderLake() throws Exception {
    Lake bucket = new GcsLake(LocalStorageHelper.customOptions(false).getService(), "b", "lake");
    Lake folder = new LocalLake(dir.resolve("lake"));
    assertTrue(bucket.localFile("any").isEmpty());

    List<String> counts =
        List.of(
            loadWeekInto(bucket, dir.resolve("gcs")), loadWeekInto(folder, dir.resolve("local")));

    assertEquals("3", counts.get(0), "three distinct readings of four lines");
    assertEquals(counts.get(0), counts.get(1));
    assertTrue(folder.localFile(folder.list("turnstile/batch").get(0).key()).isPresent());
  }

  private static String loadWeekInto(Lake lake, Path warehouseDir) throws Exception {
    TestLakes.putWeek(
        lake,
        LocalDate.parse("2024-01-06"),
        List.of(
            reading("00-00-00", "2024-01-01T03:00:00", "REGULAR", 100, 1000),
            reading("00-00-00", "2024-01-01T07:00:00", "REGULAR", 150, 1010),
            reading("00-00-00", "2024-01-01T07:00:00", "RECOVR AUD", 151, 1011),
            reading("00-00-01", "2024-01-01T03:00:00", "REGULAR", 500, 500)));
    Warehouse warehouse =
        new Warehouse(
            new WarehouseDatabase(
                warehouseDir.resolve("turnstile.duckdb"), Duration.ofSeconds(5), line -> {}),
            lake);
    List<FileLoad> loads = warehouse.load(warehouse.unloadedFiles());
    assertEquals(FileLoad.Status.LOADED, loads.get(0).status(), loads.toString());
    assertEquals(List.of(), warehouse.unloadedFiles(), "loaded once");
    return warehouse.query("select count(*) as n from fact_turnstile").first("n");
  }
}
