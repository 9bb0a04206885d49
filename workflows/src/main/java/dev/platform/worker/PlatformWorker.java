package dev.platform.worker;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.Lakes;
import dev.platform.heart.ApiNotifier;
import dev.platform.heart.HeartLake;
import dev.platform.heart.HeartModelActivitiesImpl;
import dev.platform.heart.HeartModelTrainingWorkflowImpl;
import dev.platform.heart.ScheduledHeartTrainingWorkflowImpl;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.warehouse.WarehouseLoadActivitiesImpl;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflowImpl;
import dev.platform.warehouse.Warehouse;
import dev.platform.warehouse.WarehouseDatabase;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers every workflow and activity of the platform on its task queue. */
public final class PlatformWorker {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformWorker.class);

  private PlatformWorker() {}

  /** A factory ready to {@code start()}, serving all task queues from {@code home}. */
  public static WorkerFactory create(WorkflowClient client, Path home) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    register(factory.newWorker(TaskQueues.HEART_TRAINING), home, ApiNotifier.fromEnvironment());
    PlatformEnvironment environment = PlatformEnvironment.current();
    registerTurnstile(
        factory.newWorker(TaskQueues.TURNSTILE),
        Lakes.open(environment.lakeUri()),
        environment.warehouseFile());
    return factory;
  }

  /** The heart-training queue's registrations, also used by tests with their own worker. */
  public static void register(Worker worker, Path home, ApiNotifier notifier) {
    worker.registerWorkflowImplementationTypes(
        HeartModelTrainingWorkflowImpl.class, ScheduledHeartTrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new HeartModelActivitiesImpl(new HeartLake(home), notifier));
  }

  /** The turnstile queue's registrations: the warehouse load on this lake and DuckDB file. */
  public static void registerTurnstile(Worker worker, Lake lake, Path warehouseFile) {
    worker.registerWorkflowImplementationTypes(WarehouseLoadWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new WarehouseLoadActivitiesImpl(
            new Warehouse(
                new WarehouseDatabase(
                    warehouseFile, WarehouseDatabase.DEFAULT_LOCK_TIMEOUT, LOG::warn),
                lake)));
  }
}
