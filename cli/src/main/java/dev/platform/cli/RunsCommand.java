package dev.platform.cli;

import com.google.protobuf.ByteString;
import dev.platform.temporal.TemporalConnection;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List workflow runs, newest first: open and closed unless one is chosen.")
final class RunsCommand implements Callable<Integer> {
  private static final int RUN_ID_LENGTH = 8;

  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @ArgGroup(exclusive = true)
  Which which = new Which();

  static final class Which {
    @Option(names = "--open", description = "Only runs still running.")
    boolean open;

    @Option(names = "--closed", description = "Only finished runs.")
    boolean closed;
  }

  @Option(names = "--type", paramLabel = "TYPE", description = "Only runs of this workflow type.")
  String type;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    List<WorkflowExecutionInfo> runs = new ArrayList<>();
    try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
      WorkflowServiceBlockingStub service = connection.service().blockingStub();
      String namespace = connection.settings().namespace();
      if (!which.closed) {
        runs.addAll(open(service, namespace));
      }
      if (!which.open) {
        runs.addAll(closed(service, namespace));
      }
    }
    print(newestFirst(runs), Instant.now());
    return 0;
  }

  /**
   * Up to {@code limit} runs of each list. A server returns each list newest first; the test server
   * in no particular order, so the merged list is sorted here.
   */
  private List<WorkflowExecutionInfo> newestFirst(List<WorkflowExecutionInfo> runs) {
    return runs.stream()
        .filter(run -> type == null || run.getType().getName().equals(type))
        .sorted(
            Comparator.comparing(
                    (WorkflowExecutionInfo run) -> TimeFormat.instant(run.getStartTime()))
                .reversed())
        .limit(limit)
        .toList();
  }

  private List<WorkflowExecutionInfo> open(WorkflowServiceBlockingStub service, String namespace) {
    List<WorkflowExecutionInfo> runs = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsRequest.Builder request =
          ListOpenWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setMaximumPageSize(pageSize())
              .setNextPageToken(page);
      if (type != null) {
        request.setTypeFilter(WorkflowTypeFilter.newBuilder().setName(type));
      }
      ListOpenWorkflowExecutionsResponse response =
          service.listOpenWorkflowExecutions(request.build());
      runs.addAll(response.getExecutionsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty() && runs.size() < limit);
    return runs;
  }

  private List<WorkflowExecutionInfo> closed(
      WorkflowServiceBlockingStub service, String namespace) {
    List<WorkflowExecutionInfo> runs = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      ListClosedWorkflowExecutionsRequest.Builder request =
          ListClosedWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setMaximumPageSize(pageSize())
              .setNextPageToken(page);
      if (type != null) {
        request.setTypeFilter(WorkflowTypeFilter.newBuilder().setName(type));
      }
      ListClosedWorkflowExecutionsResponse response =
          service.listClosedWorkflowExecutions(request.build());
      runs.addAll(response.getExecutionsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty() && runs.size() < limit);
    return runs;
  }

  private int pageSize() {
    return Math.min(limit, 1000);
  }

  private void print(List<WorkflowExecutionInfo> runs, Instant now) {
    PrintWriter out = spec.commandLine().getOut();
    if (runs.isEmpty()) {
      out.println("no workflow runs");
      out.flush();
      return;
    }
    TextTable table =
        new TextTable("WORKFLOW ID", "RUN ID", "TYPE", "STATUS", "STARTED (UTC)", "DURATION");
    for (WorkflowExecutionInfo run : runs) {
      Instant start = TimeFormat.instant(run.getStartTime());
      boolean running =
          run.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
      Instant end = running || !run.hasCloseTime() ? now : TimeFormat.instant(run.getCloseTime());
      table.row(
          run.getExecution().getWorkflowId(),
          shortRunId(run.getExecution().getRunId()),
          run.getType().getName(),
          status(run.getStatus()),
          TimeFormat.seconds(start),
          TimeFormat.duration(Duration.between(start, end)) + (running ? " so far" : ""));
    }
    table.print(out);
  }

  static String shortRunId(String runId) {
    return runId.length() <= RUN_ID_LENGTH ? runId : runId.substring(0, RUN_ID_LENGTH);
  }

  /** {@code WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW} becomes {@code ContinuedAsNew}. */
  static String status(WorkflowExecutionStatus status) {
    return EnumNames.camel(status.name(), "WORKFLOW_EXECUTION_STATUS_");
  }
}
