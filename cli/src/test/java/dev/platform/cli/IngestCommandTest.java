package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.cli.PlatformCommandTest.Run;
import dev.platform.core.ingest.TurnstileWeekSource;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import dev.platform.devstack.Ports;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.ingest.TurnstileFixtures;
import dev.platform.worker.PlatformWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest turnstile} through picocli: on a real gRPC Temporal test server with a worker of
 * this test (with the real WarehouseLoad), and {@code --direct}; small weeks cut from the shared
 * data.
 */
class IngestCommandTest {
  @TempDir static Path folder;
  static Path mirror;
  static Path workerLake;
  static TestServer.PortBoundTestServer server;
  static WorkflowServiceStubs service;
  static WorkerFactory workers;
  static String address;

  @BeforeAll
  static void startServerAndWorker() throws Exception {
    mirror = TurnstileFixtures.mirror(folder.resolve("mirror"));
    TurnstileFixtures.week(mirror, "240106", "240106", 100);
    TurnstileFixtures.garbageWeek(mirror, "240120");
    workerLake = folder.resolve("worker-lake");
    int port = Ports.findFree();
    address = "localhost:" + port;
    server = TestServer.createPortBoundServer(port);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    workers = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    Worker worker = workers.newWorker(TaskQueues.TURNSTILE);
    LocalLake lake = new LocalLake(workerLake);
    PlatformWorker.registerTurnstileIngestion(
        worker, lake, TurnstileWeekSource.publicSite(), folder.resolve("work"));
    PlatformWorker.registerWarehouseLoad(worker, lake, folder.resolve("worker-warehouse.duckdb"));
    workers.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    try {
      if (workers != null) {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
      }
    } finally {
      if (service != null) {
        service.shutdownNow();
      }
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void onTemporalItPrintsEachWeekAsTheRunGoesThenTheWarehouseLoad() {
    Run run =
        PlatformCommandTest.run(
            "ingest",
            "turnstile",
            "--from",
            "2024-01-05",
            "--to",
            "2024-01-18",
            "--mirror",
            mirror.toString(),
            "--address",
            address);

    assertEquals(0, run.exitCode(), run.output() + run.errors());
    List<String> lines = run.output().lines().toList();
    assertEquals(
        "workflow turnstile-ingestion-2024-01-06-2024-01-13 on "
            + address
            + " (see `platform history turnstile-ingestion-2024-01-06-2024-01-13`)",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("station reference stored: 768 rows"), run.output());
    assertTrue(lines.get(2).startsWith("2024-01-06 stored: 99 readings"), run.output());
    assertTrue(lines.get(3).startsWith("2024-01-13 missing: no file for this week"), run.output());
    assertTrue(
        lines.get(4).matches("warehouse: 1 file loaded, [0-9,]+ rows inserted, 0 quarantined"),
        lines.get(4));
    assertEquals(
        "2 weeks: 1 stored, 0 unchanged, 1 missing, 0 quarantined, 0 failed", lines.get(5));
    assertTrue(
        Files.isRegularFile(
            workerLake.resolve(LakeLayout.turnstileBatch(java.time.LocalDate.of(2024, 1, 6)))));
  }

  @Test
  void directRunsTheSameStepsInThisProcessThenLoadsTheWarehouse() {
    Path lake = folder.resolve("direct-lake");
    Path warehouse = folder.resolve("direct-warehouse.duckdb");
    String[] args = {
      "ingest",
      "turnstile",
      "--direct",
      "--from",
      "2024-01-06",
      "--to",
      "2024-01-20",
      "--mirror",
      mirror.toString(),
      "--lake",
      lake.toString(),
      "--warehouse",
      warehouse.toString()
    };

    Run first = PlatformCommandTest.run(args);
    Run second = PlatformCommandTest.run(args);

    assertEquals(0, first.exitCode(), first.output() + first.errors());
    List<String> lines = first.output().lines().toList();
    assertTrue(lines.get(0).startsWith("ingesting into file:"), first.output());
    assertTrue(lines.get(1).startsWith("station reference stored"), first.output());
    assertTrue(lines.get(2).startsWith("2024-01-06 stored: 99 readings"), first.output());
    assertTrue(lines.get(3).startsWith("2024-01-13 missing"), first.output());
    assertTrue(
        lines.get(4).startsWith("2024-01-20 quarantined: no turnstile header"), first.output());
    assertTrue(
        lines.contains("3 weeks: 1 stored, 0 unchanged, 1 missing, 1 quarantined, 0 failed"),
        first.output());
    String load = lines.get(lines.size() - 1);
    assertTrue(
        load.matches("warehouse: 1 file loaded, [0-9,]+ rows inserted, 0 quarantined"), load);
    assertTrue(Files.isRegularFile(warehouse), "the warehouse was loaded in this process");
    assertEquals(0, second.exitCode(), second.errors());
    assertTrue(second.output().contains("2024-01-06 unchanged: 99 readings"), second.output());
    assertTrue(second.output().contains("station reference unchanged"), second.output());
  }

  @Test
  void aUrlTemplateSource() throws Exception {
    Path plain = folder.resolve("plain");
    Files.createDirectories(plain);
    Files.writeString(
        plain.resolve("turnstile_240106.txt"),
        "C/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES          ,EXITS     \n"
            + "A002,R051,02-00-00,59 ST,NQR456W,BMT,12/30/2023,03:00:00,REGULAR,0000102019,0000073801   \n");
    Run run =
        PlatformCommandTest.run(
            "ingest",
            "turnstile",
            "--direct",
            "--from",
            "2024-01-06",
            "--source",
            plain.toUri() + "turnstile_{yyMMdd}.txt",
            "--lake",
            folder.resolve("template-lake").toString());

    // the station table comes from the public URL with a template source: this machine is offline
    assertTrue(run.output().contains("2024-01-06 stored: 1 readings"), run.output() + run.errors());
  }

  @Test
  void badOptionsGetOneErrorLine() {
    assertError(
        "--to 2024-01-06 is before --from 2024-01-13",
        "--direct",
        "--from",
        "2024-01-13",
        "--to",
        "2024-01-06");
    assertError(
        "no Saturday from 2024-01-07 to 2024-01-12",
        "--direct",
        "--from",
        "2024-01-07",
        "--to",
        "2024-01-12");
    assertError(
        "give --mirror or --source, not both",
        "--direct",
        "--from",
        "2024-01-06",
        "--mirror",
        mirror.toString(),
        "--source",
        "x_{yyMMdd}");
    assertError(
        "--lake goes with --direct; a workflow uses the worker's lake (PLATFORM_LAKE)",
        "--from",
        "2024-01-06",
        "--lake",
        "/tmp/x");
    assertError(
        "no mirror folder at " + folder.resolve("nowhere"),
        "--direct",
        "--from",
        "2024-01-06",
        "--mirror",
        folder.resolve("nowhere").toString());
    assertError(
        "a source template must hold {yyMMdd}: https://example.org/week.txt",
        "--direct",
        "--from",
        "2024-01-06",
        "--source",
        "https://example.org/week.txt");
    Run notADate = PlatformCommandTest.run("ingest", "turnstile", "--from", "last week");
    assertEquals(2, notADate.exitCode());
    assertTrue(notADate.errors().contains("--from"), notADate.errors());
  }

  @Test
  void helpNamesEveryOption() {
    Run help = PlatformCommandTest.run("ingest", "turnstile", "--help");
    assertEquals(0, help.exitCode());
    for (String option :
        List.of("--from", "--to", "--mirror", "--source", "--direct", "--lake", "--address")) {
      assertTrue(help.output().contains(option), option + " in " + help.output());
    }
  }

  static void assertError(String message, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "ingest";
    args[1] = "turnstile";
    System.arraycopy(options, 0, args, 2, options.length);
    Run run = PlatformCommandTest.run(args);
    assertEquals(2, run.exitCode(), run.output() + run.errors());
    assertEquals("error: " + message, run.errors().strip());
  }
}
