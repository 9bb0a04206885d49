package dev.platform.cli;

import dev.platform.worker.WorkerMain;
import java.util.concurrent.Callable;
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
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--no-schedules",
      description = "Do not create or update the platform's schedules at start.")
  boolean noSchedules;

  @Override
  public Integer call() throws Exception {
    WorkerMain.run(PlatformHome.get(), !noSchedules, spec.commandLine().getOut());
    return 0;
  }
}
