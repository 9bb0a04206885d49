package dev.platform.cli;

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
      "Connects to TEMPORAL_ADDRESS (default localhost:7233) and installs the schedules."
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
    TemporalConnection connection =
        TemporalConnection.openForWorker(TemporalSettings.fromEnvironment());
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
                  stopped.countDown();
                }));
    Files.createDirectories(ready.getParent());
    Files.writeString(ready, ProcessHandle.current().pid() + "\n");
    spec.commandLine()
        .getOut()
        .printf(
            "worker polling %s on %s (namespace %s)%n",
            TaskQueues.ALL, connection.settings().address(), connection.settings().namespace());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }
}
