package dev.platform.worker;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.metrics.MetricsSettings;
import dev.platform.metrics.WorkerMetrics;
import dev.platform.schedules.PlatformSchedules;
import dev.platform.schedules.ScheduleInstaller;
import dev.platform.temporal.PlatformSearchAttributes;
import dev.platform.temporal.TaskQueues;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process for every task queue, until stopped: connects to {@code TEMPORAL_ADDRESS},
 * serves its metrics, installs the schedules, writes {@code run/worker.ready} under the platform
 * home while it polls. {@code platform worker} runs it; so can {@code java -cp ... WorkerMain}.
 */
public final class WorkerMain {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

  /** Written once the worker polls, removed when it stops. */
  public static final String READY_FILE = "run/worker.ready";

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    boolean schedules = !java.util.Arrays.asList(args).contains("--no-schedules");
    run(PlatformEnvironment.current().home(), schedules, new PrintWriter(System.out, true));
  }

  /** Runs the worker until the JVM shuts down. */
  public static void run(Path home, boolean installSchedules, PrintWriter out)
      throws IOException, InterruptedException {
    Path ready = home.resolve(READY_FILE);
    WorkerMetrics metrics = startMetrics(MetricsSettings.fromEnvironment());
    TemporalConnection connection =
        TemporalConnection.openForWorker(
            TemporalSettings.fromEnvironment(), metrics == null ? null : metrics.scope());
    WorkerFactory factory = PlatformWorker.create(connection.client(), home);
    factory.start();
    PlatformSearchAttributes.register(connection);
    if (installSchedules) {
      new ScheduleInstaller(connection)
          .apply(PlatformSchedules.all(PlatformSchedules.heartSourceFromEnvironment()))
          .forEach(installed -> LOG.info("schedule {}", installed));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.deleteIfExists(ready);
                  } catch (IOException e) {
                    LOG.warn("cannot remove {}", ready);
                  }
                  factory.shutdown();
                  factory.awaitTermination(10, TimeUnit.SECONDS);
                  connection.close();
                  if (metrics != null) {
                    metrics.close();
                  }
                  stopped.countDown();
                }));
    Files.createDirectories(ready.getParent());
    Files.writeString(ready, ProcessHandle.current().pid() + "\n");
    out.printf(
        "worker polling %s on %s (namespace %s)%n",
        TaskQueues.ALL, connection.settings().address(), connection.settings().namespace());
    if (metrics != null) {
      out.printf("metrics at http://localhost:%d%s%n", metrics.port(), WorkerMetrics.PATH);
    }
    out.flush();
    stopped.await();
  }

  /** The metrics server; null when off, or when the default port is taken by something else. */
  private static WorkerMetrics startMetrics(MetricsSettings settings) {
    if (settings.port().isEmpty()) {
      return null;
    }
    try {
      return WorkerMetrics.serve(settings.port().getAsInt());
    } catch (UncheckedIOException e) {
      if (settings.configured()) {
        throw new IllegalStateException(
            e.getMessage() + " (" + MetricsSettings.VARIABLE + "): " + e.getCause().getMessage(),
            e);
      }
      LOG.warn(
          "{}: port in use; the worker runs without metrics (set {} to another port)",
          e.getMessage(),
          MetricsSettings.VARIABLE);
      return null;
    }
  }
}
