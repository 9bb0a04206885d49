package dev.platform.cli;

import dev.platform.schedules.PlatformSchedules;
import dev.platform.schedules.ScheduleInstaller;
import dev.platform.schedules.ScheduleSpec;
import dev.platform.temporal.TemporalConnection;
import dev.platform.temporal.TemporalSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(
    name = "schedules",
    mixinStandardHelpOptions = true,
    description = {
      "List the platform's schedules and their next run.",
      "On a server with the Schedule API they are schedules; on the embedded test server,"
          + " cron workflows. The worker installs them when it starts."
    })
final class SchedulesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    List<ScheduleSpec> specs =
        PlatformSchedules.all(PlatformSchedules.heartSourceFromEnvironment());
    try (TemporalConnection connection =
        TemporalConnection.open(TemporalSettings.fromEnvironment())) {
      List<ScheduleInstaller.Installed> installed = new ScheduleInstaller(connection).list(specs);
      console.printf(
          "%-26s %-12s %-22s %-44s %s%n", "schedule", "cron (UTC)", "next run", "held as", "does");
      for (ScheduleSpec schedule : specs) {
        var found =
            installed.stream().filter(entry -> entry.id().equals(schedule.id())).findFirst();
        console.printf(
            "%-26s %-12s %-22s %-44s %s%n",
            schedule.id(),
            schedule.cron(),
            found.flatMap(ScheduleInstaller.Installed::nextRun).map(Object::toString).orElse("-"),
            found
                .map(ScheduleInstaller.Installed::mechanism)
                .orElse("not installed (start a worker)"),
            schedule.description());
      }
    }
    return 0;
  }
}
