package dev.platform.turnstile.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import dev.platform.core.turnstile.StreamAggregate;
import dev.platform.temporal.TaskQueues;
import dev.platform.warehouse.CheckResult;
import dev.platform.warehouse.Dashboard;
import dev.platform.warehouse.DashboardSnapshot;
import dev.platform.warehouse.DataQualityException;
import dev.platform.warehouse.TestLakes;
import dev.platform.warehouse.Warehouse;
import dev.platform.warehouse.WarehouseDatabase;
import dev.platform.worker.PlatformWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse load with its real activities on Temporal's in-process test server. */
class WarehouseLoadWorkflowTest {
  @TempDir Path dir;
  LocalLake lake;
  Path warehouseFile;
  TestWorkflowEnvironment environment;
  WorkflowClient client;

  @BeforeEach
  void start() throws Exception {
    lake = new LocalLake(dir.resolve("lake"));
    warehouseFile = dir.resolve("warehouse/turnstile.duckdb");
    TestLakes.putReference(lake);
    TestLakes.putWeek(lake, LocalDate.parse("2024-01-06"), TestLakes.sharedWeek("240106"), 20_000);
    TestLakes.putStream(
        lake,
        "part-0",
        List.of(
            new StreamAggregate(
                "A002",
                "R051",
                "02-00-00",
                "59 ST",
                "NQR456W",
                "BMT",
                LocalDate.parse("2024-01-06"),
                "REGULAR",
                LocalDateTime.parse("2024-01-06T08:00:00"),
                LocalDateTime.parse("2024-01-06T08:05:00"),
                12,
                7)));
    environment = TestWorkflowEnvironment.newInstance();
    client = environment.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    environment.close();
  }

  private Warehouse warehouse() {
    return new Warehouse(
        new WarehouseDatabase(warehouseFile, Duration.ofSeconds(30), n -> {}), lake);
  }

  @Test
  void loadsEveryFileChecksAndPublishesTheDashboardAndARerunAddsNothing() throws Exception {
    Worker worker = environment.newWorker(TaskQueues.TURNSTILE);
    PlatformWorker.registerWarehouseLoad(worker, lake, warehouseFile);
    environment.start();

    WarehouseLoadResult first = WarehouseLoads.run(client);
    assertEquals(2, first.filesLoaded(), first.summary().toString());
    assertEquals(0, first.filesQuarantined());
    assertTrue(first.rowsInserted() > 19_000, "" + first.rowsInserted());
    assertTrue(
        first.summary().contains("7 data-quality checks passed"), first.summary().toString());
    DashboardSnapshot dashboard =
        Dashboard.parse(lake.open(LakeLayout.TURNSTILE_DASHBOARD + Dashboard.JSON).readAllBytes());
    assertEquals(first.rowsInserted(), dashboard.tables().get("fact_turnstile"));
    assertTrue(dashboard.charts().contains("batch_vs_stream.png"));

    WarehouseLoadResult second = WarehouseLoads.run(client);
    assertEquals(0, second.filesLoaded());
    assertEquals(0, second.rowsInserted());
    assertEquals(
        String.valueOf(first.rowsInserted()),
        warehouse().query("select count(*) as n from fact_turnstile").first("n"));
  }

  @Test
  void startingWhileALoadRunsJoinsIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Worker worker = environment.newWorker(TaskQueues.TURNSTILE);
    worker.registerWorkflowImplementationTypes(WarehouseLoadWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new WarehouseLoadActivitiesImpl(warehouse()) {
          @Override
          public long loadReference() {
            try {
              release.await(30, TimeUnit.SECONDS); // holds the first run open
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.loadReference();
          }
        });
    environment.start();
    WorkflowStub first = WarehouseLoads.startOrJoin(client);
    WorkflowStub second = WarehouseLoads.startOrJoin(client);
    assertEquals(first.getExecution().getRunId(), second.getExecution().getRunId());
    release.countDown();
    assertEquals(2, second.getResult(WarehouseLoadResult.class).filesLoaded());
  }

  @Test
  void aFailedCheckFailsTheRunWithTheCheckNameWithoutRetrying() throws Exception {
    warehouse().loadReference();
    warehouse().load(warehouse().unloadedFiles().get(0));
    try (Connection connection =
            new WarehouseDatabase(warehouseFile, Duration.ofSeconds(5), n -> {}).openForWrite();
        Statement statement = connection.createStatement()) {
      statement.execute("insert into fact_turnstile select * from fact_turnstile limit 1");
    }
    int[] checkRuns = {0};
    Worker worker = environment.newWorker(TaskQueues.TURNSTILE);
    worker.registerWorkflowImplementationTypes(WarehouseLoadWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new WarehouseLoadActivitiesImpl(warehouse()) {
          @Override
          public List<CheckResult> runChecks() {
            checkRuns[0]++;
            return super.runChecks();
          }
        });
    environment.start();

    WorkflowFailedException failed =
        assertThrows(WorkflowFailedException.class, () -> WarehouseLoads.run(client));
    ActivityFailure activity = assertInstanceOf(ActivityFailure.class, failed.getCause());
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, activity.getCause());
    assertEquals(DataQualityException.class.getName(), cause.getType());
    assertTrue(cause.getOriginalMessage().contains("unique_log_id"), cause.getOriginalMessage());
    assertEquals(1, checkRuns[0], "a failed check is not retried");
  }
}
