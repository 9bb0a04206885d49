package dev.platform.worker;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.lake.Lakes;
import dev.platform.heart.ApiNotifier;
import dev.platform.heart.HeartLake;
import dev.platform.heart.HeartModelActivitiesImpl;
import dev.platform.heart.HeartModelTrainingWorkflowImpl;
import dev.platform.heart.ScheduledHeartTrainingWorkflowImpl;
import dev.platform.temporal.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Registers every workflow and activity of the platform on its task queue. */
public final class PlatformWorker {
  private PlatformWorker() {}

  /** A factory ready to {@code start()}, serving all task queues from {@code home}. */
  public static WorkerFactory create(WorkflowClient client, Path home) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    register(
        factory.newWorker(TaskQueues.HEART_TRAINING),
        heartLake(home),
        ApiNotifier.fromEnvironment());
    return factory;
  }

  /** The lake of {@code PLATFORM_LAKE} (default {@code <home>/lake}), runs under {@code home}. */
  public static HeartLake heartLake(Path home) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PLATFORM_HOME", home.toString());
    return new HeartLake(Lakes.open(new PlatformEnvironment(env).lakeUri()), home);
  }

  /** The heart-training queue's registrations, also used by tests with their own worker. */
  public static void register(Worker worker, HeartLake lake, ApiNotifier notifier) {
    worker.registerWorkflowImplementationTypes(
        HeartModelTrainingWorkflowImpl.class, ScheduledHeartTrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(new HeartModelActivitiesImpl(lake, notifier));
  }
}
