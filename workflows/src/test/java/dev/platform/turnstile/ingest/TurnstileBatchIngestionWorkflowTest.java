package dev.platform.turnstile.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.ingest.IngestionResult;
import dev.platform.core.ingest.IngestionStatus;
import dev.platform.core.ingest.TurnstileWeekSource;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.lake.LocalLake;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflow;
import dev.platform.worker.PlatformWorker;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion workflows with their real activities on Temporal's in-process test server, into a
 * temporary lake, and the real WarehouseLoad child into a DuckDB file in a temporary folder.
 */
class TurnstileBatchIngestionWorkflowTest {
  static final LocalDate JAN_6 = LocalDate.of(2024, 1, 6);
  static final LocalDate JAN_13 = LocalDate.of(2024, 1, 13);
  static final LocalDate JAN_20 = LocalDate.of(2024, 1, 20);

  @TempDir Path lakeFolder;
  @TempDir Path work;
  @TempDir Path mirrorFolder;
  Lake lake;
  TestWorkflowEnvironment environment;

  @BeforeEach
  void lake() {
    lake = new LocalLake(lakeFolder);
  }

  @AfterEach
  void stop() {
    if (environment != null) {
      environment.close();
    }
  }

  WorkflowClient start(TurnstileIngestionActivitiesImpl activities, Instant now) {
    environment =
        now == null
            ? TestWorkflowEnvironment.newInstance()
            : TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setInitialTime(now).build());
    Worker worker = environment.newWorker(TaskQueues.TURNSTILE);
    if (activities == null) {
      PlatformWorker.registerTurnstileIngestion(
          worker, lake, TurnstileWeekSource.mirror(TurnstileFixtures.sharedData()), work);
    } else {
      worker.registerWorkflowImplementationTypes(
          TurnstileBatchIngestionWorkflowImpl.class, ScheduledTurnstileIngestionWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
    }
    PlatformWorker.registerWarehouseLoad(worker, lake, work.resolve("warehouse.duckdb"));
    environment.newWorker("other-load").registerWorkflowImplementationTypes(OtherLoadImpl.class);
    environment.start();
    return environment.getWorkflowClient();
  }

  @Test
  void twoRealWeeksFromTheWorkersMirrorThenTheWarehouseLoad() {
    WorkflowClient client = start(null, null);
    List<String> progress = new ArrayList<>();

    TurnstileIngestionResult result =
        new TurnstileIngestionFollower(client).startAndFollow(JAN_6, JAN_13, "", progress::add);

    assertEquals(IngestionStatus.STORED, result.reference().status());
    assertEquals(List.of(JAN_6.toString(), JAN_13.toString()), subjects(result.weeks()));
    assertEquals(250_816, result.weeks().get(0).goodRows());
    assertEquals(253_022, result.weeks().get(1).goodRows());
    result.weeks().forEach(week -> assertEquals(IngestionStatus.STORED, week.status()));
    assertEquals(2, result.warehouse().filesLoaded(), "the load ran after both weeks were stored");
    assertEquals(List.of(), result.failures());
    assertEquals(
        "2 weeks: 2 stored, 0 unchanged, 0 missing, 0 quarantined, 0 failed", result.totals());
    assertTrue(
        progress.get(0).startsWith("station reference stored: 768 rows"), progress.toString());
    assertTrue(
        progress.get(1).startsWith("2024-01-06 stored: 250,816 readings"), progress.toString());
    assertTrue(
        progress.get(2).startsWith("2024-01-13 stored: 253,022 readings"), progress.toString());
    assertTrue(
        progress.get(3).matches("warehouse: 2 files loaded, [0-9,]+ rows inserted, 0 quarantined"),
        progress.get(3));
    long readings = result.weeks().get(0).goodRows() + result.weeks().get(1).goodRows();
    assertTrue(
        result.warehouse().rowsInserted() > readings * 0.99
            && result.warehouse().rowsInserted() <= readings,
        "one fact row per distinct reading key: " + result.warehouse().rowsInserted());
    String workflowId = TurnstileBatchIngestionWorkflow.workflowId(JAN_6, JAN_13);
    assertEquals("turnstile-ingestion-2024-01-06-2024-01-13", workflowId);
    long weekActivities =
        client.fetchHistory(workflowId).getEvents().stream()
            .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .filter(
                event ->
                    event
                        .getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals("IngestTurnstileWeek"))
            .count();
    assertEquals(2, weekActivities, "one activity per week");
    assertEquals(
        WarehouseLoadWorkflow.WORKFLOW_ID,
        client.fetchHistory(workflowId).getEvents().stream()
            .filter(
                event ->
                    event.getEventType()
                        == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
            .findFirst()
            .orElseThrow()
            .getStartChildWorkflowExecutionInitiatedEventAttributes()
            .getWorkflowId());
  }

  @Test
  void
      aNamedMirrorWithAMissingAndAGarbageWeekStoresTheGoodOneReportsTheOthersAndARerunChangesNothing()
          throws Exception {
    Path mirror = TurnstileFixtures.mirror(mirrorFolder);
    TurnstileFixtures.week(mirror, "240106", "240106", 200);
    TurnstileFixtures.garbageWeek(mirror, "240120");
    WorkflowClient client = start(null, null);

    TurnstileIngestionResult result =
        new TurnstileIngestionFollower(client)
            .startAndFollow(JAN_6.minusDays(2), JAN_20, mirror.toString(), line -> {});

    assertEquals(
        List.of(IngestionStatus.STORED, IngestionStatus.MISSING, IngestionStatus.QUARANTINED),
        result.weeks().stream().map(IngestionResult::status).toList());
    assertEquals(199, result.weeks().get(0).goodRows());
    assertTrue(result.weeks().get(0).source().startsWith(mirror.toString()), "the named mirror");
    assertTrue(
        lake.exists(LakeLayout.reasonOf(LakeLayout.turnstileBatchQuarantine(JAN_20))),
        "the garbage week is quarantined with its reason");
    assertEquals(1, result.warehouse().filesLoaded());
    assertEquals(
        "3 weeks: 1 stored, 0 unchanged, 1 missing, 1 quarantined, 0 failed", result.totals());

    TurnstileIngestionResult again =
        new TurnstileIngestionFollower(client)
            .startAndFollow(JAN_6.minusDays(2), JAN_20, mirror.toString(), line -> {});
    assertEquals(IngestionStatus.UNCHANGED, again.reference().status());
    assertEquals(
        "3 weeks: 0 stored, 1 unchanged, 1 missing, 1 quarantined, 0 failed", again.totals());
    assertEquals(result.weeks().get(0).sha256(), again.weeks().get(0).sha256());
  }

  @Test
  void aWeekThatKeepsFailingIsReportedTheOthersGoOnAndTheRunFails() throws Exception {
    Path mirror = TurnstileFixtures.mirror(mirrorFolder);
    TurnstileFixtures.week(mirror, "240106", "240106", 50);
    TurnstileFixtures.week(mirror, "240113", "240120", 50);
    AtomicInteger attempts = new AtomicInteger();
    TurnstileIngestionActivitiesImpl failingOnJan13 =
        new TurnstileIngestionActivitiesImpl(lake, TurnstileWeekSource.mirror(mirror), work) {
          @Override
          public IngestionResult ingestWeek(LocalDate saturday, String source) {
            if (saturday.equals(JAN_13)) {
              attempts.incrementAndGet();
              throw new UncheckedIOException(new java.io.IOException("lake unreachable"));
            }
            return super.ingestWeek(saturday, source);
          }
        };
    WorkflowClient client = start(failingOnJan13, null);
    List<String> progress = new ArrayList<>();

    WorkflowFailedException failed =
        assertThrows(
            WorkflowFailedException.class,
            () ->
                new TurnstileIngestionFollower(client)
                    .startAndFollow(JAN_6, JAN_20, "", progress::add));

    assertEquals(4, attempts.get(), "retried by the activity options, then given up");
    String message =
        assertInstanceOf(ApplicationFailure.class, failed.getCause()).getOriginalMessage();
    assertTrue(message.contains("2024-01-13 failed: lake unreachable"), message);
    assertTrue(
        message.startsWith("3 weeks: 2 stored, 0 unchanged, 0 missing, 0 quarantined, 1 failed"),
        message);
    assertTrue(
        lake.exists(LakeLayout.turnstileBatch(JAN_20)), "the week after the failure went on");
    assertTrue(
        progress.stream()
            .anyMatch(
                line ->
                    line.matches(
                        "warehouse: 2 files loaded, [0-9,]+ rows inserted, 0 quarantined")),
        progress.toString());
  }

  @Test
  void theScheduledRunIngestsTheLatestCompleteWeek() throws Exception {
    Path mirror = TurnstileFixtures.mirror(mirrorFolder);
    TurnstileFixtures.week(mirror, "240113", "240113", 80);
    // Tuesday 2024-01-16: the latest complete week ended on Saturday 2024-01-13
    WorkflowClient client = start(null, Instant.parse("2024-01-16T12:00:00Z"));
    ScheduledTurnstileIngestionWorkflow scheduled =
        client.newWorkflowStub(
            ScheduledTurnstileIngestionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("schedule-turnstile-weekly-ingestion")
                .setTaskQueue(TaskQueues.TURNSTILE)
                .build());

    TurnstileIngestionResult result = scheduled.run(mirror.toString());

    assertEquals(List.of(JAN_13.toString()), subjects(result.weeks()));
    assertEquals(IngestionStatus.STORED, result.weeks().get(0).status());
    assertEquals(79, result.weeks().get(0).goodRows());
    List<LakeObject> batch = lake.list(LakeLayout.TURNSTILE_BATCH);
    assertEquals(LakeLayout.turnstileBatch(JAN_13), batch.get(0).key());
    assertEquals(
        "turnstile-ingestion-2024-01-13-2024-01-13",
        client.fetchHistory("schedule-turnstile-weekly-ingestion").getEvents().stream()
            .filter(
                event ->
                    event.getEventType()
                        == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
            .findFirst()
            .orElseThrow()
            .getStartChildWorkflowExecutionInitiatedEventAttributes()
            .getWorkflowId());
  }

  /** Holds the warehouse load's workflow id, as a load already going would. */
  @io.temporal.workflow.WorkflowInterface
  public interface OtherLoad {
    @io.temporal.workflow.WorkflowMethod
    void hold();
  }

  public static class OtherLoadImpl implements OtherLoad {
    @Override
    public void hold() {
      Workflow.sleep(java.time.Duration.ofMinutes(2));
    }
  }

  @Test
  void whileAnotherWarehouseLoadRunsTheRunWaitsForItThenLoads() throws Exception {
    Path mirror = TurnstileFixtures.mirror(mirrorFolder);
    TurnstileFixtures.week(mirror, "240106", "240106", 30);
    WorkflowClient client = start(null, null);
    OtherLoad running =
        client.newWorkflowStub(
            OtherLoad.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WarehouseLoadWorkflow.WORKFLOW_ID)
                .setTaskQueue("other-load")
                .build());
    WorkflowClient.start(running::hold);
    List<String> progress = new ArrayList<>();

    TurnstileIngestionResult result =
        new TurnstileIngestionFollower(client)
            .startAndFollow(JAN_6, JAN_6, mirror.toString(), progress::add);

    assertEquals(1, result.warehouse().filesLoaded());
    assertTrue(
        progress.contains("warehouse: another load is running; waiting for it to finish"),
        progress.toString());
    String last = progress.get(progress.size() - 1);
    assertTrue(
        last.matches("warehouse: 1 file loaded, [0-9,]+ rows inserted, 0 quarantined"), last);
    assertTrue(result.warehouse().rowsInserted() > 0);
  }

  static List<String> subjects(List<IngestionResult> results) {
    return results.stream().map(IngestionResult::subject).toList();
  }
}
