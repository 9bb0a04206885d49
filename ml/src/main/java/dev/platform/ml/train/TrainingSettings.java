package dev.platform.ml.train;

import java.util.List;

/**
 * Everything a training run may be tuned by, in one injectable value: the XGBoost grid, the random
 * forest's size, the threads each fit may use and the seed.
 *
 * @param xgboostDepths tree depths tried by the XGBoost grid
 * @param xgboostMaxRounds the most boosting rounds tried per depth
 * @param xgboostRoundStep rounds between two validation evaluations (the grid's round counts)
 * @param xgboostPatienceRounds a depth stops boosting after this many rounds without a better
 *     validation AUC; 0 boosts every depth to {@code xgboostMaxRounds}
 * @param randomForestTrees trees of the random forest
 * @param threadsPerFit native threads one fit may use (XGBoost's {@code nthread}); when several
 *     models train at once, their threads together should not exceed the cores
 * @param parallelFits how many models an in-process run trains at the same time
 * @param seed seed of every randomised trainer
 */
public record TrainingSettings(
    List<Integer> xgboostDepths,
    int xgboostMaxRounds,
    int xgboostRoundStep,
    int xgboostPatienceRounds,
    int randomForestTrees,
    int threadsPerFit,
    int parallelFits,
    long seed) {

  public static final long DEFAULT_SEED = 42;

  public TrainingSettings {
    xgboostDepths = List.copyOf(xgboostDepths);
    if (xgboostDepths.isEmpty()) {
      throw new IllegalArgumentException("the XGBoost grid needs at least one depth");
    }
    if (xgboostRoundStep < 1 || xgboostMaxRounds < xgboostRoundStep) {
      throw new IllegalArgumentException(
          "XGBoost rounds: step %d must be at least 1 and at most max rounds %d"
              .formatted(xgboostRoundStep, xgboostMaxRounds));
    }
    if (xgboostPatienceRounds < 0 || randomForestTrees < 1) {
      throw new IllegalArgumentException("patience must be >= 0 and the forest needs trees");
    }
    if (threadsPerFit < 1 || parallelFits < 1) {
      throw new IllegalArgumentException("threads per fit and parallel fits must be at least 1");
    }
  }

  /**
   * The platform's settings: depths 4, 5, 6, up to 300 rounds evaluated every 25, 100 forest trees,
   * seed 42. The models train two at a time on two or more cores, each fit taking its share of the
   * cores. A depth stops after 100 rounds without a better validation AUC: on the dev data every
   * depth peaks well before that (best: depth 5, 75 rounds), so the chosen model is the one the
   * full grid chooses.
   */
  public static TrainingSettings defaults() {
    return forCores(Runtime.getRuntime().availableProcessors());
  }

  /** {@link #defaults()} for a machine (or worker slot) with {@code cores} cores. */
  public static TrainingSettings forCores(int cores) {
    int parallel = Math.max(1, Math.min(2, cores));
    return new TrainingSettings(
        List.of(4, 5, 6), 300, 25, 100, 100, Math.max(1, cores / parallel), parallel, DEFAULT_SEED);
  }

  /** {@link #defaults()} for one fit at a time taking every core (the former behaviour). */
  public static TrainingSettings oneFitAtATime() {
    return defaults()
        .withThreadsPerFit(Runtime.getRuntime().availableProcessors())
        .withParallelFits(1);
  }

  /** A small grid for tests: two depths, up to 40 rounds, a 20-tree forest, one thread per fit. */
  public static TrainingSettings smallGrid() {
    return new TrainingSettings(List.of(3, 4), 40, 10, 0, 20, 1, 2, DEFAULT_SEED);
  }

  /** The same settings with each fit limited to {@code threads} native threads. */
  public TrainingSettings withThreadsPerFit(int threads) {
    return new TrainingSettings(
        xgboostDepths,
        xgboostMaxRounds,
        xgboostRoundStep,
        xgboostPatienceRounds,
        randomForestTrees,
        threads,
        parallelFits,
        seed);
  }

  /** The same settings training {@code fits} models at a time in an in-process run. */
  public TrainingSettings withParallelFits(int fits) {
    return new TrainingSettings(
        xgboostDepths,
        xgboostMaxRounds,
        xgboostRoundStep,
        xgboostPatienceRounds,
        randomForestTrees,
        threadsPerFit,
        fits,
        seed);
  }
}
