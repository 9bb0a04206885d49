package dev.platform.heart;

import dev.platform.ml.train.TrainingSettings;

/**
 * How a worker runs the heart activities: the workflow starts the models' trainings at once, so the
 * worker takes up to {@code fits} activities at a time and each XGBoost fit gets {@code cores /
 * fits} threads; the fits together never ask for more threads than there are cores. One more slot
 * lets the profile (or a short step of another run) go beside the fits.
 *
 * @param training the grid, seed and threads per fit the activities train with
 * @param activitySlots the worker's maximum of concurrent heart activities
 */
public record HeartWorkerSettings(TrainingSettings training, int activitySlots) {
  /** Trainings that run at once on a worker: the four models, fewer on a small machine. */
  static final int MOST_PARALLEL_FITS = HeartTrainingSteps.DEFAULT_MODELS.size();

  public HeartWorkerSettings {
    if (activitySlots < 1) {
      throw new IllegalArgumentException("a worker needs at least one activity slot");
    }
  }

  /** This machine's cores. */
  public static HeartWorkerSettings forThisMachine() {
    return forCores(Runtime.getRuntime().availableProcessors());
  }

  public static HeartWorkerSettings forCores(int cores) {
    int fits = Math.max(1, Math.min(MOST_PARALLEL_FITS, cores));
    TrainingSettings training =
        TrainingSettings.defaults()
            .withThreadsPerFit(Math.max(1, cores / fits))
            .withParallelFits(fits);
    return new HeartWorkerSettings(training, fits + 1);
  }
}
