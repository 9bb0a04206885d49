package dev.platform.schedules;

import dev.platform.temporal.TemporalConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.ScheduleSpec.Builder;
import io.temporal.client.schedules.ScheduleUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the platform's schedules on a server. A server with the Schedule API gets real schedules;
 * one without it (the embedded test server) gets a cron workflow per schedule. Chosen by asking the
 * server, never by a flag.
 */
public final class ScheduleInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleInstaller.class);

  /** How a schedule is held on the server, and when it next runs. */
  public record Installed(String id, String mechanism, String cron, Optional<Instant> nextRun) {}

  private final TemporalConnection connection;
  private final ScheduleClient schedules;

  public ScheduleInstaller(TemporalConnection connection) {
    this.connection = connection;
    this.schedules = ScheduleClient.newInstance(connection.service());
  }

  /** Creates or updates every schedule; idempotent. */
  public List<Installed> apply(List<ScheduleSpec> specs) {
    boolean api = connection.hasScheduleApi();
    List<Installed> installed = new ArrayList<>();
    for (ScheduleSpec spec : specs) {
      if (api) {
        applySchedule(spec);
      } else {
        applyCronWorkflow(spec);
      }
    }
    installed.addAll(list(specs));
    return installed;
  }

  /** The schedules as the server holds them. */
  public List<Installed> list(List<ScheduleSpec> specs) {
    List<Installed> result = new ArrayList<>();
    if (connection.hasScheduleApi()) {
      List<ScheduleListDescription> all = schedules.listSchedules().toList();
      for (ScheduleSpec spec : specs) {
        all.stream()
            .filter(description -> description.getScheduleId().equals(spec.id()))
            .findFirst()
            .ifPresent(
                description ->
                    result.add(
                        new Installed(
                            spec.id(),
                            "schedule",
                            spec.cron(),
                            description.getInfo().getNextActionTimes().stream().findFirst())));
      }
      return result;
    }
    for (ScheduleSpec spec : specs) {
      describeCronWorkflow(spec)
          .ifPresent(
              info -> {
                Instant next =
                    Instant.ofEpochSecond(
                        info.getExecutionTime().getSeconds(), info.getExecutionTime().getNanos());
                result.add(
                    new Installed(
                        spec.id(),
                        "cron workflow " + spec.cronWorkflowId(),
                        spec.cron(),
                        Optional.of(next)));
              });
    }
    return result;
  }

  private void applySchedule(ScheduleSpec spec) {
    Schedule schedule =
        Schedule.newBuilder()
            .setAction(
                ScheduleActionStartWorkflow.newBuilder()
                    .setWorkflowType(spec.workflowType())
                    .setArguments(spec.args().toArray())
                    .setOptions(
                        WorkflowOptions.newBuilder()
                            .setWorkflowId(spec.id())
                            .setTaskQueue(spec.taskQueue())
                            .build())
                    .build())
            .setSpec(cronSpec(spec).build())
            .build();
    try {
      schedules.createSchedule(spec.id(), schedule, ScheduleOptions.newBuilder().build());
      LOG.info("created schedule {}", spec.id());
    } catch (ScheduleAlreadyRunningException e) {
      schedules.getHandle(spec.id()).update(input -> new ScheduleUpdate(schedule));
      LOG.info("updated schedule {}", spec.id());
    }
  }

  private static Builder cronSpec(ScheduleSpec spec) {
    return io.temporal.client.schedules.ScheduleSpec.newBuilder()
        .setCronExpressions(List.of(spec.cron()));
  }

  private void applyCronWorkflow(ScheduleSpec spec) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(spec.cronWorkflowId())
            .setTaskQueue(spec.taskQueue())
            .setCronSchedule(spec.cron())
            .build();
    try {
      connection
          .client()
          .newUntypedWorkflowStub(spec.workflowType(), options)
          .start(spec.args().toArray());
      LOG.info("started cron workflow {} ({})", spec.cronWorkflowId(), spec.cron());
    } catch (WorkflowExecutionAlreadyStarted e) {
      LOG.info("cron workflow {} already runs", spec.cronWorkflowId());
    }
  }

  private Optional<WorkflowExecutionInfo> describeCronWorkflow(ScheduleSpec spec) {
    try {
      WorkflowExecutionInfo info =
          connection
              .service()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(connection.settings().namespace())
                      .setExecution(
                          io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                              .setWorkflowId(spec.cronWorkflowId()))
                      .build())
              .getWorkflowExecutionInfo();
      return info.hasCloseTime() && info.getCloseTime().getSeconds() > 0
          ? Optional.empty()
          : Optional.of(info);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
