package dev.platform.temporal;

import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats an activity's current stage every few seconds while blocking library code (a model
 * fit) runs, so the server notices a dead worker within the heartbeat timeout.
 */
public final class Heartbeats {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);
  private static final long INTERVAL_SECONDS = 5;

  private final AtomicReference<String> stage = new AtomicReference<>("starting");

  public void stage(String description) {
    stage.set(description);
  }

  public <T> T whileRunning(ActivityExecutionContext context, Callable<T> work) throws Exception {
    ScheduledExecutorService beater =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread =
                  new Thread(runnable, "heartbeat-" + context.getInfo().getActivityId());
              thread.setDaemon(true);
              return thread;
            });
    beater.scheduleAtFixedRate(
        () -> {
          try {
            context.heartbeat(stage.get());
          } catch (RuntimeException e) {
            LOG.warn("heartbeat failed: {}", e.getMessage());
          }
        },
        0,
        INTERVAL_SECONDS,
        TimeUnit.SECONDS);
    try {
      return work.call();
    } finally {
      beater.shutdownNow();
    }
  }
}
