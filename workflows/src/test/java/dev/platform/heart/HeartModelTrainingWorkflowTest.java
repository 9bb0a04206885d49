package dev.platform.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import dev.platform.core.source.Sources;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.PreparedSummary;
import dev.platform.heart.HeartTrainingTypes.TrainRequest;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.data.DataValidationException;
import dev.platform.ml.data.HeartCsvWriter;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.split.StratifiedSplit;
import dev.platform.ml.train.TrainingSettings;
import dev.platform.temporal.PlatformSearchAttributes;
import dev.platform.temporal.TaskQueues;
import dev.platform.worker.PlatformWorker;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training workflow with its real activities on Temporal's in-process test server. */
class HeartModelTrainingWorkflowTest {
  static final int SAMPLE_ROWS = 6_000;
  static final TrainingSettings SETTINGS = TrainingSettings.smallGrid();
  static final ApiNotifier NO_API = new ApiNotifier(Optional.empty(), "");
  @TempDir static Path data;
  static Path sample;

  @TempDir Path home;
  @TempDir Path lakeFolder; // apart from home, as PLATFORM_LAKE may put it
  TestWorkflowEnvironment environment;
  WorkflowClient client;

  @BeforeAll
  static void files() throws Exception {
    sample = HeartSamples.sample(data, SAMPLE_ROWS);
  }

  @BeforeEach
  void start() {
    environment = TestWorkflowEnvironment.newInstance();
    client = environment.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    environment.close();
  }

  @Test
  void trainsFourModelsInParallelPromotesTheBestAndReportsProgress() throws Exception {
    Worker worker = environment.newWorker(TaskQueues.HEART_TRAINING);
    PlatformWorker.register(worker, heartLake(), NO_API, SETTINGS);
    environment.start();
    environment.registerSearchAttribute(
        PlatformSearchAttributes.DATA_SHA256.getName(),
        IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

    List<String> progress = new ArrayList<>();
    HeartTrainingResult result =
        new TrainingFollower(client, true)
            .ingestAndFollow(heartLake(), sample.toString(), progress::add);

    assertTrue(result.promoted(), result.reason());
    assertEquals(4, result.reports().size());
    double bestF1 =
        result.reports().values().stream()
            .mapToDouble(r -> r.validation().f1())
            .max()
            .orElseThrow();
    assertEquals(bestF1, result.reports().get(result.servingModel()).validation().f1());
    HeartLake lake = heartLake();
    assertEquals(Optional.of(result.versionId()), lake.currentVersion());
    String bundle = LakeLayout.heartModel(result.versionId());
    assertTrue(lake.lake().exists(bundle + "bundle.json"));
    assertTrue(
        lake.lake().exists(bundle + "charts/roc_curves.png"),
        "the promoted bundle carries its charts");
    assertEquals(result.versionId(), lake.manifest(result.versionId()).versionId());
    assertFalse(Files.exists(home.resolve("lake")), "nothing goes to the home's default lake");
    String runId = HeartModelTrainingWorkflow.workflowId(result.dataSha256());
    assertTrue(Files.isRegularFile(lake.run(runId).resolve("report.md")));
    assertTrue(Files.isRegularFile(lake.run(runId).resolve("profile/profile.md")));
    assertTrue(progress.get(0).startsWith("ingested the source"), progress.toString());
    assertTrue(progress.get(1).startsWith("ingested nothing new"), "the run reads the lake's copy");
    assertTrue(progress.get(2).matches("prepared [0-9,]+ of 6,000 rows: .*"), progress.toString());
    assertTrue(
        Files.isRegularFile(lake.run(runId).resolve("prepared/prepared.json")),
        "the data is prepared once, in the run folder");
    assertTrue(Files.isRegularFile(lake.run(runId).resolve("splits/test.csv.gz")), "the test rows");
    assertTrue(progress.stream().anyMatch(line -> line.startsWith("trained xgboost")));
    assertTrue(
        progress.get(progress.size() - 1).startsWith("no API configured"), progress.toString());
    assertEquals(1, rawCopies(lake), "one ingested copy");
    var started = client.fetchHistory(runId).getEvents().get(0);
    assertTrue(
        started
            .getWorkflowExecutionStartedEventAttributes()
            .getSearchAttributes()
            .getIndexedFieldsMap()
            .containsKey("DataSha256"),
        "the run carries the data checksum as a search attribute");

    List<String> scheduled =
        client.fetchHistory(runId).getEvents().stream()
            .filter(event -> event.hasActivityTaskScheduledEventAttributes())
            .map(
                event ->
                    event.getActivityTaskScheduledEventAttributes().getActivityType().getName())
            .toList();
    assertEquals(
        List.of(
            "IngestHeartData",
            "PrepareData",
            "ProfileHeartData",
            "TrainModel",
            "TrainModel",
            "TrainModel",
            "TrainModel",
            "BuildBundle",
            "PromoteBundle",
            "NotifyApi"),
        scheduled,
        "prepared once, then the profile scheduled with the trainings");

    String record = System.getProperty("heart.recordHistory");
    if (record != null) { // refreshes the replay test's resource after a workflow change
      Files.writeString(Path.of(record), client.fetchHistory(runId).toJson(true));
    }
  }

  @Test
  void aTransientActivityFailureIsRetried() {
    AtomicInteger xgboostAttempts = new AtomicInteger();
    HeartModelActivitiesImpl flaky =
        new HeartModelActivitiesImpl(heartLake(), NO_API, SETTINGS) {
          @Override
          public ModelReport train(TrainRequest request) {
            if (request.model().equals("xgboost") && xgboostAttempts.incrementAndGet() == 1) {
              throw new IllegalStateException("simulated lost connection to the lake");
            }
            return super.train(request);
          }
        };
    registerWith(flaky);

    HeartTrainingResult result = newWorkflow().train(sample.toString(), null);

    assertEquals(2, xgboostAttempts.get());
    assertTrue(result.promoted());
    assertEquals(4, result.reports().size());
  }

  @Test
  void badDataFailsTheWorkflowAtOnceWithItsMessage() throws Exception {
    AtomicInteger prepareAttempts = new AtomicInteger();
    HeartModelActivitiesImpl counting =
        new HeartModelActivitiesImpl(heartLake(), NO_API, SETTINGS) {
          @Override
          public PreparedSummary prepare(String lakeKey, String runId) {
            prepareAttempts.incrementAndGet();
            return super.prepare(lakeKey, runId);
          }
        };
    registerWith(counting);
    Path bad = HeartSamples.withBadRows(data, 2_000);

    WorkflowFailedException failure =
        assertThrows(
            WorkflowFailedException.class, () -> newWorkflow().train(bad.toString(), null));

    ActivityFailure activity = assertInstanceOf(ActivityFailure.class, failure.getCause());
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, activity.getCause());
    assertEquals(DataValidationException.class.getName(), cause.getType());
    assertTrue(cause.getOriginalMessage().contains("100 of 2000 rows are bad"), cause.getMessage());
    assertEquals(1, prepareAttempts.get(), "bad data is not retried");
  }

  @Test
  void aWorseModelIsNotPromoted() throws Exception {
    Worker worker = environment.newWorker(TaskQueues.HEART_TRAINING);
    PlatformWorker.register(worker, heartLake(), NO_API, SETTINGS);
    environment.start();
    HeartTrainingResult good = newWorkflow().train(sample.toString(), null);
    assertTrue(good.promoted());

    // rows the current model was fitted on, fewer of them: on this run's own validation rows the
    // current model does better than the candidate trained here
    List<LabeledRecord> seen =
        StratifiedSplit.standard(HeartDataset.load(sample.toString()).records()).train();
    Path noise = data.resolve("heart_seen_rows.csv");
    HeartCsvWriter.write(seen.subList(0, 1_500), noise);
    HeartTrainingResult worse =
        client
            .newWorkflowStub(
                HeartModelTrainingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("heart-training-noise")
                    .setTaskQueue(TaskQueues.HEART_TRAINING)
                    .build())
            .train(noise.toString(), null);

    assertFalse(worse.promoted());
    assertTrue(
        worse.reason().contains("is worse than current " + good.versionId()), worse.reason());
    assertTrue(worse.reason().contains("on the same"), "compared on the new run's rows");
    assertEquals("not promoted, API not told", worse.apiNotification());
    HeartLake lake = heartLake();
    assertEquals(Optional.of(good.versionId()), lake.currentVersion());
    assertEquals(List.of(good.versionId()), bundleVersions(lake.lake()));
  }

  @Test
  void aScheduledRunJoinsAManualRunOfTheSameData() throws Exception {
    CountDownLatch joined = new CountDownLatch(1);
    AtomicInteger prepared = new AtomicInteger();
    HeartModelActivitiesImpl activities =
        new HeartModelActivitiesImpl(heartLake(), NO_API, SETTINGS) {
          @Override
          public PreparedSummary prepare(String lakeKey, String runId) {
            prepared.incrementAndGet();
            return super.prepare(lakeKey, runId);
          }

          @Override
          public ModelReport train(TrainRequest request) {
            try { // the manual run keeps going until the schedule's run has joined it
              joined.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.train(request);
          }

          @Override
          public HeartTrainingResult awaitTraining(String workflowId) {
            joined.countDown();
            return super.awaitTraining(workflowId);
          }
        };
    Worker worker = environment.newWorker(TaskQueues.HEART_TRAINING);
    worker.registerWorkflowImplementationTypes(
        HeartModelTrainingWorkflowImpl.class, ScheduledHeartTrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    environment.start();
    String workflowId = HeartModelTrainingWorkflow.workflowId(Sources.sha256(sample.toString()));
    HeartModelTrainingWorkflow manual =
        client.newWorkflowStub(
            HeartModelTrainingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.HEART_TRAINING)
                .build());
    WorkflowClient.start(manual::train, sample.toString(), null);

    HeartTrainingResult scheduled =
        client
            .newWorkflowStub(
                ScheduledHeartTrainingWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("scheduled-heart-training-test")
                    .setTaskQueue(TaskQueues.HEART_TRAINING)
                    .build())
            .run(sample.toString());

    assertEquals(0, joined.getCount(), "the schedule's run joined the manual one");
    HeartTrainingResult manualResult =
        WorkflowStub.fromTyped(manual).getResult(HeartTrainingResult.class);
    assertEquals(manualResult.versionId(), scheduled.versionId());
    assertTrue(scheduled.promoted(), scheduled.reason());
    assertEquals(1, prepared.get(), "one run trained the data");
  }

  @Test
  void aManualRunFollowsTheScheduledRunOfTheSameData() throws Exception {
    CountDownLatch following = new CountDownLatch(1);
    AtomicInteger prepared = new AtomicInteger();
    HeartModelActivitiesImpl activities =
        new HeartModelActivitiesImpl(heartLake(), NO_API, SETTINGS) {
          @Override
          public PreparedSummary prepare(String lakeKey, String runId) {
            prepared.incrementAndGet();
            return super.prepare(lakeKey, runId);
          }

          @Override
          public ModelReport train(TrainRequest request) {
            try { // the schedule's run keeps going until the manual one follows it
              following.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.train(request);
          }
        };
    Worker worker = environment.newWorker(TaskQueues.HEART_TRAINING);
    worker.registerWorkflowImplementationTypes(
        HeartModelTrainingWorkflowImpl.class, ScheduledHeartTrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    environment.start();
    ScheduledHeartTrainingWorkflow scheduled =
        client.newWorkflowStub(
            ScheduledHeartTrainingWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("scheduled-heart-training-first")
                .setTaskQueue(TaskQueues.HEART_TRAINING)
                .build());
    WorkflowClient.start(scheduled::run, sample.toString());
    String runId = HeartModelTrainingWorkflow.workflowId(Sources.sha256(sample.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (prepared.get() == 0) { // the schedule's child run is going
      assertTrue(System.nanoTime() < deadline, "the scheduled run never started its training");
      Thread.sleep(50);
    }

    List<String> progress = new ArrayList<>();
    HeartTrainingResult manual =
        new TrainingFollower(client, false)
            .ingestAndFollow(
                heartLake(),
                sample.toString(),
                line -> {
                  progress.add(line);
                  if (line.startsWith("a run for this data is already going")) {
                    following.countDown();
                  }
                });

    assertEquals(0, following.getCount(), "the manual run followed: " + progress);
    HeartTrainingResult fromSchedule =
        WorkflowStub.fromTyped(scheduled).getResult(HeartTrainingResult.class);
    assertEquals(fromSchedule.versionId(), manual.versionId());
    assertEquals(runId, HeartModelTrainingWorkflow.workflowId(manual.dataSha256()));
    assertEquals(1, prepared.get(), "one run trained the data");
  }

  @Test
  void aLakeSourceIsReadWhereItIsStored() throws Exception {
    HeartLake lake = heartLake();
    HeartModelActivitiesImpl activities = new HeartModelActivitiesImpl(lake, NO_API, SETTINGS);
    var ingested = activities.ingest(sample.toString());
    var again = activities.ingest(HeartLake.SOURCE_SCHEME + ingested.lakeKey());
    assertEquals(ingested.lakeKey(), again.lakeKey());
    assertEquals(ingested.sha256(), again.sha256());
    assertTrue(again.reused());
    assertEquals(1, rawCopies(lake));
  }

  /**
   * A URL whose content changes: each run is named by, and trains on, the bytes it ingested. The
   * server serves a sample once and then another one (a source updated right after it was read), so
   * a run that read the URL twice (once to name itself, once to train) would train on data its id
   * does not name.
   */
  @Test
  void aUrlSourceRunIsNamedByTheBytesItIngested() throws Exception {
    Worker worker = environment.newWorker(TaskQueues.HEART_TRAINING);
    PlatformWorker.register(worker, heartLake(), NO_API, SETTINGS);
    environment.start();
    byte[] first = Files.readAllBytes(HeartSamples.sample(data, 3_000));
    byte[] second = Files.readAllBytes(HeartSamples.sample(data, 3_500));
    List<byte[]> served = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/heart.csv",
        exchange -> {
          byte[] body;
          synchronized (served) {
            body = served.isEmpty() ? first : second; // updated once it was read
            served.add(body);
          }
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/heart.csv";
      TrainingFollower follower = new TrainingFollower(client, false);

      HeartTrainingResult before = follower.ingestAndFollow(heartLake(), url, line -> {});
      assertEquals(1, served.size(), "the run read the URL once");
      HeartTrainingResult after = follower.ingestAndFollow(heartLake(), url, line -> {});
      assertEquals(2, served.size());

      assertEquals(sha256(first), before.dataSha256());
      assertEquals(sha256(second), after.dataSha256());
      for (HeartTrainingResult result : List.of(before, after)) {
        String runId = HeartModelTrainingWorkflow.workflowId(result.dataSha256());
        var prepared =
            dev.platform.ml.pipeline.PreparedRun.readManifest(
                heartLake().run(runId).resolve("prepared"));
        assertEquals(result.dataSha256(), prepared.dataSha256(), "trained on the bytes it names");
        assertTrue(
            client
                .fetchHistory(runId)
                .getEvents()
                .get(0)
                .hasWorkflowExecutionStartedEventAttributes());
      }
      assertEquals(2, rawCopies(heartLake()), "each content stored once");
    } finally {
      server.stop(0);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The version folders under heart/models/ (CURRENT is an object, not a folder). */
  static List<String> bundleVersions(Lake lake) throws Exception {
    return lake.list(LakeLayout.HEART_MODELS).stream()
        .map(object -> object.key().substring(LakeLayout.HEART_MODELS.length()))
        .filter(rest -> rest.contains("/"))
        .map(rest -> rest.substring(0, rest.indexOf('/')))
        .distinct()
        .toList();
  }

  private HeartLake heartLake() {
    return new HeartLake(new LocalLake(lakeFolder), home);
  }

  private void registerWith(HeartModelActivitiesImpl activities) {
    Worker worker = environment.newWorker(TaskQueues.HEART_TRAINING);
    worker.registerWorkflowImplementationTypes(HeartModelTrainingWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    environment.start();
  }

  private HeartModelTrainingWorkflow newWorkflow() {
    return client.newWorkflowStub(
        HeartModelTrainingWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId("heart-training-test")
            .setTaskQueue(TaskQueues.HEART_TRAINING)
            .build());
  }

  private static long rawCopies(HeartLake lake) throws Exception {
    return lake.lake().list(LakeLayout.HEART_RAW).size();
  }
}
