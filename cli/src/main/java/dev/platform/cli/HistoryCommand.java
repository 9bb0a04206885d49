package dev.platform.cli;

import dev.platform.temporal.TemporalConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.history.v1.HistoryEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Print a workflow run's event history, one line per event: id, time (UTC), event,",
      "activity, attempt and failure messages. Without --run-id, the latest run."
    })
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The workflow id.")
  String workflowId;

  @Option(names = "--run-id", paramLabel = "RUN_ID", description = "A particular run.")
  String runId;

  @Override
  public Integer call() {
    List<HistoryEvent> events;
    try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
      events = connection.client().fetchHistory(workflowId, runId).getEvents();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new IllegalArgumentException(
            "no workflow " + workflowId + (runId == null ? "" : " with run id " + runId), e);
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    TextTable table = new TextTable("ID", "TIME (UTC)", "EVENT", "ACTIVITY", "ATTEMPT", "DETAILS");
    for (HistoryLine line : HistoryLine.of(events)) {
      table.row(
          line.eventId(),
          TimeFormat.millis(line.time()),
          line.eventType(),
          line.activity(),
          line.attempt() == 0 ? "" : line.attempt(),
          line.details());
    }
    table.print(out);
    return 0;
  }
}
