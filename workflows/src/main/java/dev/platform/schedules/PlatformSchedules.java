package dev.platform.schedules;

import dev.platform.heart.ScheduledHeartTrainingWorkflow;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every schedule of the platform. Later pipelines add theirs here. */
public final class PlatformSchedules {
  /** Mondays 03:00 UTC. */
  public static final String WEEKLY_RETRAINING_CRON = "0 3 * * 1";

  /** Every 15 minutes: new stream files (and batch weeks) into the warehouse. */
  public static final String WAREHOUSE_LOAD_CRON = "*/15 * * * *";

  private PlatformSchedules() {}

  public static List<ScheduleSpec> all(String heartSource) {
    return List.of(
        new ScheduleSpec(
            "heart-weekly-retraining",
            "retrain the heart model on " + heartSource,
            WEEKLY_RETRAINING_CRON,
            ScheduledHeartTrainingWorkflow.TYPE,
            TaskQueues.HEART_TRAINING,
            List.of(heartSource)),
        // Scheduled runs get the schedule's own workflow ids; two loads at once still cannot
        // interleave: the second waits for the DuckDB file, then finds nothing left to load.
        new ScheduleSpec(
            "warehouse-load-every-15-minutes",
            "load new lake files (stream and batch) into the warehouse",
            WAREHOUSE_LOAD_CRON,
            WarehouseLoadWorkflow.TYPE,
            TaskQueues.TURNSTILE,
            List.of()));
  }

  /** The CDC file's public copy (a ZIP archive; needs internet). */
  public static final String PUBLIC_HEART_SOURCE =
      "https://raw.githubusercontent.com/vbss246/Heart-Disease-Prediction/main/heart_2020_cleaned.csv.zip";

  /**
   * The heart source the schedule trains on: {@code PLATFORM_HEART_SOURCE}; else the shared
   * development copy beside the checkout ({@code ../shared/data}) when there is one, so the local
   * stack runs offline; else the public file.
   */
  public static String heartSourceFromEnvironment() {
    String configured = System.getenv("PLATFORM_HEART_SOURCE");
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    Path mirror = Path.of("..", "shared", "data", "heart", "heart_2020_cleaned.dev.csv.gz");
    return Files.isRegularFile(mirror)
        ? mirror.toAbsolutePath().normalize().toString()
        : PUBLIC_HEART_SOURCE;
  }
}
