package dev.platform.worker;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.heart.ApiNotifier;
import dev.platform.heart.HeartLake;
import dev.platform.heart.HeartModelActivitiesImpl;
import dev.platform.heart.HeartModelTrainingWorkflowImpl;
import dev.platform.heart.ScheduledHeartTrainingWorkflowImpl;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.stream.StreamJobSettings;
import dev.platform.turnstile.stream.TurnstileStreamActivitiesImpl;
import dev.platform.turnstile.stream.TurnstileStreamWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;

/** Registers every workflow and activity of the platform on its task queue. */
public final class PlatformWorker {
  private PlatformWorker() {}

  /** A factory ready to {@code start()}, serving all task queues from {@code home}. */
  public static WorkerFactory create(WorkflowClient client, Path home) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    register(factory.newWorker(TaskQueues.HEART_TRAINING), home, ApiNotifier.fromEnvironment());
    registerStream(
        factory.newWorker(TaskQueues.TURNSTILE),
        home,
        StreamJobSettings.from(PlatformEnvironment.current()));
    return factory;
  }

  /** The stream job's workflow and activities (turnstile queue). */
  public static void registerStream(Worker worker, Path home, StreamJobSettings settings) {
    worker.registerWorkflowImplementationTypes(TurnstileStreamWorkflowImpl.class);
    worker.registerActivitiesImplementations(new TurnstileStreamActivitiesImpl(home, settings));
  }

  /** The heart-training queue's registrations, also used by tests with their own worker. */
  public static void register(Worker worker, Path home, ApiNotifier notifier) {
    worker.registerWorkflowImplementationTypes(
        HeartModelTrainingWorkflowImpl.class, ScheduledHeartTrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new HeartModelActivitiesImpl(new HeartLake(home), notifier));
  }
}
