package dev.platform.heart;

import dev.platform.core.io.Folders;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.ml.pipeline.RunFolder;
import dev.platform.ml.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code train --direct}: {@link HeartTrainingSteps} on {@link HeartModelActivitiesImpl} in this
 * process, the run's files in one output folder, promotion into the lake (and the API told) as the
 * workflow does. Every run starts from the source: the folder's earlier prepared data and
 * candidates are removed first.
 */
public final class DirectTraining {
  /** The run id of a direct run; its folder is the output folder. */
  public static final String RUN_ID = "direct";

  private final HeartLake lake;
  private final ApiNotifier notifier;
  private final TrainingSettings settings;

  /** Wraps the activities (tests record the calls); the identity in production. */
  private final UnaryOperator<HeartModelActivities> around;

  public DirectTraining(HeartLake lake, ApiNotifier notifier, TrainingSettings settings) {
    this(lake, notifier, settings, UnaryOperator.identity());
  }

  DirectTraining(
      HeartLake lake,
      ApiNotifier notifier,
      TrainingSettings settings,
      UnaryOperator<HeartModelActivities> around) {
    this.lake = lake;
    this.notifier = notifier;
    this.settings = settings;
    this.around = around;
  }

  public HeartTrainingResult run(String source, Path out, Consumer<String> progress)
      throws IOException {
    Path folder = out.toAbsolutePath().normalize();
    Folders.deleteRecursively(folder.resolve(RunFolder.PREPARED_DIR));
    Folders.deleteRecursively(folder.resolve(RunFolder.CANDIDATES_DIR));
    HeartModelActivities activities =
        around.apply(new HeartModelActivitiesImpl(lake, notifier, settings, runId -> folder));
    Consumer<String> lines =
        line -> {
          synchronized (progress) {
            progress.accept(line);
          }
        };
    // the profile beside parallelFits trainings
    ExecutorService threads =
        Executors.newFixedThreadPool(
            settings.parallelFits() + 1,
            task -> {
              Thread thread = new Thread(task, "direct-training");
              thread.setDaemon(true);
              return thread;
            });
    try {
      return HeartTrainingSteps.run(
          activities,
          new ThreadParallel(threads),
          System::currentTimeMillis,
          RUN_ID,
          source,
          List.copyOf(HeartTrainingSteps.DEFAULT_MODELS),
          lines);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Calls on a thread pool; a failure comes back as the activity's own exception. */
  private record ThreadParallel(ExecutorService threads) implements HeartTrainingSteps.Parallel {
    @Override
    public <R> Supplier<R> start(Supplier<R> call, Consumer<R> whenDone) {
      CompletableFuture<R> future =
          CompletableFuture.supplyAsync(call, threads)
              .thenApply(
                  result -> {
                    whenDone.accept(result);
                    return result;
                  });
      return () -> {
        try {
          return future.join();
        } catch (CompletionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw e;
        }
      };
    }
  }
}
