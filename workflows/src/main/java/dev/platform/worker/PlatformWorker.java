package dev.platform.worker;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.ingest.TurnstileWeekSource;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.Lakes;
import dev.platform.heart.ApiNotifier;
import dev.platform.heart.HeartLake;
import dev.platform.heart.HeartModelActivitiesImpl;
import dev.platform.heart.HeartModelTrainingWorkflowImpl;
import dev.platform.heart.HeartWorkerSettings;
import dev.platform.heart.ScheduledHeartTrainingWorkflowImpl;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.ml.train.TrainingSettings;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.ingest.ScheduledTurnstileIngestionWorkflowImpl;
import dev.platform.turnstile.ingest.TurnstileBatchIngestionWorkflowImpl;
import dev.platform.turnstile.ingest.TurnstileIngestionActivitiesImpl;
import dev.platform.turnstile.replay.StreamReplayActivitiesImpl;
import dev.platform.turnstile.replay.StreamReplayWorkflowImpl;
import dev.platform.turnstile.stream.StreamJobSettings;
import dev.platform.turnstile.stream.TurnstileStreamActivitiesImpl;
import dev.platform.turnstile.stream.TurnstileStreamWorkflowImpl;
import dev.platform.turnstile.warehouse.WarehouseLoadActivitiesImpl;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflowImpl;
import dev.platform.warehouse.Warehouse;
import dev.platform.warehouse.WarehouseDatabase;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers every workflow and activity of the platform on its task queue. */
public final class PlatformWorker {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformWorker.class);

  private PlatformWorker() {}

  /** A factory ready to {@code start()}, serving all task queues from {@code home}. */
  public static WorkerFactory create(WorkflowClient client, Path home) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    PlatformEnvironment environment = environment(home);
    Lake lake = Lakes.open(environment.lakeUri());
    HeartWorkerSettings heart = HeartWorkerSettings.forThisMachine();
    register(
        factory.newWorker(
            TaskQueues.HEART_TRAINING,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(heart.activitySlots())
                .build()),
        new HeartLake(lake, home),
        ApiNotifier.fromEnvironment(),
        heart.training());
    Worker turnstile = factory.newWorker(TaskQueues.TURNSTILE);
    registerTurnstileIngestion(
        turnstile, lake, TurnstileWeekSource.fromEnvironment(environment), home.resolve("work"));
    registerWarehouseLoad(turnstile, lake, environment.warehouseFile());
    registerStream(turnstile, home, StreamJobSettings.from(environment));
    registerReplay(turnstile, lake, KafkaSettings.from(environment.env()), home.resolve("work"));
    return factory;
  }

  /** This process's settings, with {@code home} as the platform home. */
  private static PlatformEnvironment environment(Path home) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PLATFORM_HOME", home.toString());
    return new PlatformEnvironment(env);
  }

  /** The lake of {@code PLATFORM_LAKE} (default {@code <home>/lake}), runs under {@code home}. */
  public static HeartLake heartLake(Path home) {
    return new HeartLake(Lakes.open(environment(home).lakeUri()), home);
  }

  /** Replays of real weeks into Kafka (turnstile queue). */
  public static void registerReplay(Worker worker, Lake lake, KafkaSettings kafka, Path work) {
    worker.registerWorkflowImplementationTypes(StreamReplayWorkflowImpl.class);
    worker.registerActivitiesImplementations(new StreamReplayActivitiesImpl(lake, kafka, work));
  }

  /** The stream job's workflow and activities (turnstile queue). */
  public static void registerStream(Worker worker, Path home, StreamJobSettings settings) {
    worker.registerWorkflowImplementationTypes(TurnstileStreamWorkflowImpl.class);
    worker.registerActivitiesImplementations(new TurnstileStreamActivitiesImpl(home, settings));
  }

  /** The heart-training queue's registrations, also used by tests with their own worker. */
  public static void register(
      Worker worker, HeartLake lake, ApiNotifier notifier, TrainingSettings settings) {
    worker.registerWorkflowImplementationTypes(
        HeartModelTrainingWorkflowImpl.class, ScheduledHeartTrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new HeartModelActivitiesImpl(lake, notifier, settings));
  }

  /**
   * Turnstile batch ingestion on the turnstile queue, also used by tests with their own worker.
   *
   * @param defaultSource where weeks come from when a run names no source
   * @param workFolder temporary files while a week is read
   */
  public static void registerTurnstileIngestion(
      Worker worker, Lake lake, TurnstileWeekSource defaultSource, Path workFolder) {
    worker.registerWorkflowImplementationTypes(
        TurnstileBatchIngestionWorkflowImpl.class, ScheduledTurnstileIngestionWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new TurnstileIngestionActivitiesImpl(lake, defaultSource, workFolder));
  }

  /** The warehouse load on this lake and DuckDB file (turnstile queue). */
  public static void registerWarehouseLoad(Worker worker, Lake lake, Path warehouseFile) {
    worker.registerWorkflowImplementationTypes(WarehouseLoadWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new WarehouseLoadActivitiesImpl(
            new Warehouse(
                new WarehouseDatabase(
                    warehouseFile, WarehouseDatabase.DEFAULT_LOCK_TIMEOUT, LOG::warn),
                lake)));
  }
}
