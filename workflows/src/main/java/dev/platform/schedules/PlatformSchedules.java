package dev.platform.schedules;

import dev.platform.heart.ScheduledHeartTrainingWorkflow;
import dev.platform.temporal.TaskQueues;
import java.util.List;

/** Every schedule of the platform. Later pipelines add theirs here. */
public final class PlatformSchedules {
  /** Mondays 03:00 UTC. */
  public static final String WEEKLY_RETRAINING_CRON = "0 3 * * 1";

  private PlatformSchedules() {}

  public static List<ScheduleSpec> all(String heartSource) {
    return List.of(
        new ScheduleSpec(
            "heart-weekly-retraining",
            "retrain the heart model on " + heartSource,
            WEEKLY_RETRAINING_CRON,
            ScheduledHeartTrainingWorkflow.TYPE,
            TaskQueues.HEART_TRAINING,
            List.of(heartSource)));
  }

  /**
   * The heart source the schedule trains on: {@code PLATFORM_HEART_SOURCE}, else the public ZIP of
   * the CDC file (which needs internet).
   */
  public static String heartSourceFromEnvironment() {
    String configured = System.getenv("PLATFORM_HEART_SOURCE");
    return configured == null || configured.isBlank()
        ? "https://raw.githubusercontent.com/vbss246/Heart-Disease-Prediction/main/heart_2020_cleaned.csv.zip"
        : configured.strip();
  }
}
