package dev.platform.cli;

import dev.platform.metrics.MetricsSettings;
import dev.platform.metrics.WorkerMetrics;
import dev.platform.schedules.PlatformSchedules;
import dev.platform.schedules.ScheduleInstaller;
import dev.platform.temporal.PlatformSearchAttributes;
import dev.platform.temporal.TaskQueues;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import dev.platform.worker.PlatformWorker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run a Temporal worker for all task queues until stopped (for containers and VMs).",
      "Connects to TEMPORAL_ADDRESS (default localhost:7233) and installs the schedules.",
      "Serves Temporal SDK metrics for Prometheus at http://HOST:PORT/metrics, PORT from",
      "PLATFORM_WORKER_METRICS_PORT (default 9464; off: none)."
    })
final class WorkerCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);
  static final String READY_FILE = "run/worker.ready";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--no-schedules",
      description = "Do not create or update the platform's schedules at start.")
  boolean noSchedules;

  @Override
  public Integer call() throws Exception {
    Path home = PlatformHome.get();
    Path ready = home.resolve(READY_FILE);
    WorkerMetrics metrics = startMetrics(MetricsSettings.fromEnvironment());
    TemporalConnection connection =
        TemporalConnection.openForWorker(
            TemporalSettings.fromEnvironment(), metrics == null ? null : metrics.scope());
    WorkerFactory factory = PlatformWorker.create(connection.client(), home);
    factory.start();
    PlatformSearchAttributes.register(connection);
    if (!noSchedules) {
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
                  } catch (java.io.IOException e) {
                    LOG.warn("cannot remove {}", ready);
                  }
                  factory.shutdown();
                  factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                  connection.close();
                  if (metrics != null) {
                    metrics.close();
                  }
                  stopped.countDown();
                }));
    Files.createDirectories(ready.getParent());
    Files.writeString(ready, ProcessHandle.current().pid() + "\n");
    spec.commandLine()
        .getOut()
        .printf(
            "worker polling %s on %s (namespace %s)%n",
            TaskQueues.ALL, connection.settings().address(), connection.settings().namespace());
    if (metrics != null) {
      spec.commandLine()
          .getOut()
          .printf("metrics at http://localhost:%d%s%n", metrics.port(), WorkerMetrics.PATH);
    }
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  /** The metrics server; null when off, or when the default port is taken by something else. */
  private static WorkerMetrics startMetrics(MetricsSettings settings) {
    if (settings.port().isEmpty()) {
      return null;
    }
    try {
      return WorkerMetrics.serve(settings.port().getAsInt());
    } catch (java.io.UncheckedIOException e) {
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
