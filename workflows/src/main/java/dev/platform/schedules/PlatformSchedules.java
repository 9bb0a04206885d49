package dev.platform.schedules;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.source.Mirror;
import dev.platform.heart.ScheduledHeartTrainingWorkflow;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.ingest.ScheduledTurnstileIngestionWorkflow;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflow;
import java.nio.file.Path;
import java.util.List;

/** Every schedule of the platform. Later pipelines add theirs here. */
public final class PlatformSchedules {
  /** Mondays 03:00 UTC. */
  public static final String WEEKLY_RETRAINING_CRON = "0 3 * * 1";

  /**
   * Saturdays 14:00 UTC (morning in New York), as the original pipeline ran: the week that ended
   * that Saturday.
   */
  public static final String WEEKLY_TURNSTILE_CRON = "0 14 * * 6";

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
        new ScheduleSpec(
            "turnstile-weekly-ingestion",
            "ingest the latest MTA week (the worker's PLATFORM_MIRROR, else the public site),"
                + " then load the warehouse",
            WEEKLY_TURNSTILE_CRON,
            ScheduledTurnstileIngestionWorkflow.TYPE,
            TaskQueues.TURNSTILE,
            List.of("")),
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

  /** {@link #heartSource(PlatformEnvironment)} of this process's environment. */
  public static String heartSourceFromEnvironment() {
    return heartSource(PlatformEnvironment.current());
  }

  /**
   * The heart source the schedule trains on: {@code PLATFORM_HEART_SOURCE}; else the heart file of
   * the mirror {@code PLATFORM_MIRROR} names (the first {@code heart/heart_2020_cleaned*.csv*});
   * else the public file.
   *
   * @throws IllegalArgumentException when {@code PLATFORM_MIRROR} names no folder
   */
  public static String heartSource(PlatformEnvironment environment) {
    return environment
        .value("PLATFORM_HEART_SOURCE")
        .or(
            () ->
                environment
                    .mirror()
                    .map(Mirror::of)
                    .flatMap(Mirror::heartSource)
                    .map(Path::toString))
        .orElse(PUBLIC_HEART_SOURCE);
  }
}
