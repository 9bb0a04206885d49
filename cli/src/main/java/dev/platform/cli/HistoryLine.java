package dev.platform.cli;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One history event as {@code history} shows it. Activity events after the scheduled one only carry
 * the scheduled event's id, so the activity name (and the attempt, known from the started event) is
 * looked up through it.
 *
 * @param attempt the activity attempt, 0 when it does not apply
 * @param details failure messages, the workflow type, termination reasons; may be empty
 */
record HistoryLine(
    long eventId, Instant time, String eventType, String activity, int attempt, String details) {

  static List<HistoryLine> of(List<HistoryEvent> events) {
    Map<Long, String> activityBySchedule = new HashMap<>();
    Map<Long, Integer> attemptByStart = new HashMap<>();
    List<HistoryLine> lines = new ArrayList<>();
    for (HistoryEvent event : events) {
      String activity = "";
      int attempt = 0;
      String details = "";
      switch (event.getEventType()) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
          var attributes = event.getWorkflowExecutionStartedEventAttributes();
          details =
              "workflow "
                  + attributes.getWorkflowType().getName()
                  + " on task queue "
                  + attributes.getTaskQueue().getName();
        }
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          activity = event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
          activityBySchedule.put(event.getEventId(), activity);
        }
        case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
          var attributes = event.getActivityTaskStartedEventAttributes();
          activity = activityBySchedule.getOrDefault(attributes.getScheduledEventId(), "");
          attempt = attributes.getAttempt();
          attemptByStart.put(event.getEventId(), attempt);
          if (attributes.hasLastFailure()) {
            details = "previous attempt failed: " + message(attributes.getLastFailure());
          }
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          var attributes = event.getActivityTaskCompletedEventAttributes();
          activity = activityBySchedule.getOrDefault(attributes.getScheduledEventId(), "");
          attempt = attemptByStart.getOrDefault(attributes.getStartedEventId(), 0);
        }
        case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
          var attributes = event.getActivityTaskFailedEventAttributes();
          activity = activityBySchedule.getOrDefault(attributes.getScheduledEventId(), "");
          attempt = attemptByStart.getOrDefault(attributes.getStartedEventId(), 0);
          details = message(attributes.getFailure());
        }
        case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
          var attributes = event.getActivityTaskTimedOutEventAttributes();
          activity = activityBySchedule.getOrDefault(attributes.getScheduledEventId(), "");
          attempt = attemptByStart.getOrDefault(attributes.getStartedEventId(), 0);
          details = message(attributes.getFailure());
        }
        case EVENT_TYPE_ACTIVITY_TASK_CANCELED -> {
          var attributes = event.getActivityTaskCanceledEventAttributes();
          activity = activityBySchedule.getOrDefault(attributes.getScheduledEventId(), "");
        }
        case EVENT_TYPE_WORKFLOW_TASK_FAILED ->
            details = message(event.getWorkflowTaskFailedEventAttributes().getFailure());
        case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED ->
            details = message(event.getWorkflowExecutionFailedEventAttributes().getFailure());
        case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED ->
            details = message(event.getChildWorkflowExecutionFailedEventAttributes().getFailure());
        case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED ->
            details = event.getWorkflowExecutionTerminatedEventAttributes().getReason();
        default -> {}
      }
      lines.add(
          new HistoryLine(
              event.getEventId(),
              TimeFormat.instant(event.getEventTime()),
              eventType(event.getEventType()),
              activity,
              attempt,
              details));
    }
    return lines;
  }

  static String eventType(EventType type) {
    return EnumNames.camel(type.name(), "EVENT_TYPE_");
  }

  /** The failure's message and its causes', on one line: {@code Activity task failed: no disk}. */
  static String message(Failure failure) {
    StringBuilder message = new StringBuilder(failure.getMessage());
    for (Failure cause = failure; cause.hasCause(); ) {
      cause = cause.getCause();
      message.append(": ").append(cause.getMessage());
    }
    return message.toString().replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
