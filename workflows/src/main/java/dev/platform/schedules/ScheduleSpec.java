package dev.platform.schedules;

import java.util.List;

/**
 * One recurring run, defined once: a 5-field cron expression (UTC), the workflow type to start, its
 * task queue and arguments.
 */
public record ScheduleSpec(
    String id,
    String description,
    String cron,
    String workflowType,
    String taskQueue,
    List<Object> args) {

  /** The workflow id used when the server has no Schedule API and a cron workflow stands in. */
  public String cronWorkflowId() {
    return "schedule-" + id;
  }
}
