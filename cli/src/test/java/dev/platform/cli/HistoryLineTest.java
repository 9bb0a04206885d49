package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.ActivityTaskFailedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskTimedOutEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.WorkflowExecutionFailedEventAttributes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events a real server writes but the test server does not: failed and timed-out activities, and
 * the previous attempt's failure on a started event.
 */
class HistoryLineTest {
  static final Timestamp TIME =
      Timestamp.newBuilder().setSeconds(1_700_000_000).setNanos(5_000_000).build();

  @Test
  void failedAndTimedOutActivitiesAreResolvedToTheirNameAndAttempt() {
    List<HistoryEvent> events =
        List.of(
            scheduled(5, "TrainModels"),
            started(6, 5, 3, failure("out of memory", null)),
            event(7, EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED)
                .setActivityTaskFailedEventAttributes(
                    ActivityTaskFailedEventAttributes.newBuilder()
                        .setScheduledEventId(5)
                        .setStartedEventId(6)
                        .setFailure(failure("disk full", null)))
                .build(),
            scheduled(8, "LoadWarehouse"),
            started(9, 8, 1, null),
            event(10, EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT)
                .setActivityTaskTimedOutEventAttributes(
                    ActivityTaskTimedOutEventAttributes.newBuilder()
                        .setScheduledEventId(8)
                        .setStartedEventId(9)
                        .setFailure(failure("activity StartToClose timeout", null)))
                .build(),
            event(11, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED)
                .setWorkflowExecutionFailedEventAttributes(
                    WorkflowExecutionFailedEventAttributes.newBuilder()
                        .setFailure(
                            failure("Activity task failed", failure("disk full\non /lake", null))))
                .build());

    List<HistoryLine> lines = HistoryLine.of(events);

    assertEquals(
        new HistoryLine(
            6,
            Instant.ofEpochSecond(1_700_000_000, 5_000_000),
            "ActivityTaskStarted",
            "TrainModels",
            3,
            "previous attempt failed: out of memory"),
        lines.get(1));
    assertEquals(
        List.of("ActivityTaskFailed", "TrainModels", "3", "disk full"), summary(lines.get(2)));
    assertEquals(
        List.of("ActivityTaskTimedOut", "LoadWarehouse", "1", "activity StartToClose timeout"),
        summary(lines.get(5)));
    assertEquals(
        List.of("WorkflowExecutionFailed", "", "0", "Activity task failed: disk full on /lake"),
        summary(lines.get(6)));
    assertEquals("2023-11-14 22:13:20.005Z", TimeFormat.millis(lines.get(0).time()));
  }

  static List<String> summary(HistoryLine line) {
    return List.of(
        line.eventType(), line.activity(), Integer.toString(line.attempt()), line.details());
  }

  static HistoryEvent scheduled(long id, String activity) {
    return event(id, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .setActivityTaskScheduledEventAttributes(
            ActivityTaskScheduledEventAttributes.newBuilder()
                .setActivityType(ActivityType.newBuilder().setName(activity)))
        .build();
  }

  static HistoryEvent started(long id, long scheduledId, int attempt, Failure lastFailure) {
    ActivityTaskStartedEventAttributes.Builder attributes =
        ActivityTaskStartedEventAttributes.newBuilder()
            .setScheduledEventId(scheduledId)
            .setAttempt(attempt);
    if (lastFailure != null) {
      attributes.setLastFailure(lastFailure);
    }
    return event(id, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .setActivityTaskStartedEventAttributes(attributes)
        .build();
  }

  static HistoryEvent.Builder event(long id, EventType type) {
    return HistoryEvent.newBuilder().setEventId(id).setEventType(type).setEventTime(TIME);
  }

  static Failure failure(String message, Failure cause) {
    Failure.Builder failure = Failure.newBuilder().setMessage(message);
    if (cause != null) {
      failure.setCause(cause);
    }
    return failure.build();
  }
}
