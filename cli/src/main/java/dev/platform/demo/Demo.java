package dev.platform.demo;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.demo.DemoSummary.DayTraffic;
import dev.platform.heart.HeartLake;
import dev.platform.heart.HeartModelTrainingWorkflow;
import dev.platform.heart.HeartTrainingTypes;
import dev.platform.heart.TrainingFollower;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.temporal.TaskQueues;
import dev.platform.turnstile.ingest.TurnstileBatchIngestionWorkflow;
import dev.platform.turnstile.ingest.TurnstileIngestionFollower;
import dev.platform.turnstile.ingest.TurnstileIngestionResult;
import dev.platform.turnstile.replay.ReplayRequest;
import dev.platform.turnstile.replay.ReplayResult;
import dev.platform.turnstile.replay.StreamReplayWorkflow;
import dev.platform.turnstile.stream.TurnstileStreamWorkflow;
import dev.platform.turnstile.warehouse.WarehouseLoadResult;
import dev.platform.turnstile.warehouse.WarehouseLoadWorkflow;
import dev.platform.turnstile.warehouse.WarehouseLoads;
import dev.platform.warehouse.QueryResult;
import dev.platform.warehouse.Warehouse;
import dev.platform.warehouse.WarehouseDatabase;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * One full pass over the platform on a running stack, every step a workflow: train and serve the
 * heart model, ingest the turnstile weeks and load the warehouse, replay a week through Kafka and
 * the Flink job, load its windows, and sum it all up. What is already there is reused: a model
 * trained on the same data, weeks with the same checksum, a week already streamed.
 */
public final class Demo {
  private static final Duration STREAM_WAIT = Duration.ofMinutes(4);

  private final DemoPlan plan;
  private final HeartLake heartLake;
  private final Lake lake;
  private final Path warehouseFile;
  private final String apiUrl;
  private final Consumer<String> progress;

  public Demo(
      DemoPlan plan,
      HeartLake heartLake,
      Path warehouseFile,
      String apiUrl,
      Consumer<String> progress) {
    this.plan = plan;
    this.heartLake = heartLake;
    this.lake = heartLake.lake();
    this.warehouseFile = warehouseFile;
    this.apiUrl = apiUrl;
    this.progress = progress;
  }

  public DemoSummary run(WorkflowClient client, boolean searchAttributes) {
    long start = System.nanoTime();
    List<String> workflows = new ArrayList<>();
    workflows.add(heart(client, searchAttributes));
    workflows.add(batch(client));
    replay(client).ifPresent(workflows::add);
    step("warehouse: loading the stream files (workflow %s)", WarehouseLoadWorkflow.WORKFLOW_ID);
    WarehouseLoadResult load = WarehouseLoads.run(client);
    step("warehouse: %s", load.describe());
    workflows.add(WarehouseLoadWorkflow.WORKFLOW_ID);
    workflows.add(TurnstileStreamWorkflow.WORKFLOW_ID);
    List<String> commands = new ArrayList<>();
    commands.add("./platform runs");
    workflows.forEach(id -> commands.add("./platform history " + id));
    return new DemoSummary(
        tableRows(),
        days(),
        lateMessages(),
        servedModel(),
        List.of(
            apiUrl + "/ui/index.html (risk form)",
            apiUrl + "/ui/report.html (model report)",
            apiUrl + "/ui/traffic.html (traffic dashboard)",
            apiUrl + "/swagger-ui/index.html (API)",
            "http://localhost:8081 (Flink web UI of the stream job)"),
        commands,
        (System.nanoTime() - start) / 1e9);
  }

  private String heart(WorkflowClient client, boolean searchAttributes) {
    try {
      return trainHeart(client, searchAttributes);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot ingest " + plan.heartSource() + ": " + e.getMessage(), e);
    }
  }

  private String trainHeart(WorkflowClient client, boolean searchAttributes) throws IOException {
    HeartTrainingTypes.IngestedData data = heartLake.ingest(plan.heartSource());
    String sha256 = data.sha256();
    String workflowId = HeartModelTrainingWorkflow.workflowId(sha256);
    Optional<BundleManifest> current = currentModel();
    if (current.isPresent() && current.get().dataSha256().equals(sha256)) {
      step(
          "heart: model %s was trained on this data (%s); it is served, not trained again",
          current.get().versionId(), sha256.substring(0, 12));
      return workflowId;
    }
    step("heart: training on %s (workflow %s)", plan.heartSource(), workflowId);
    new TrainingFollower(client, searchAttributes)
        .ingestAndFollow(heartLake, plan.heartSource(), line -> step("heart: %s", line));
    return workflowId;
  }

  private String batch(WorkflowClient client) {
    String workflowId = TurnstileBatchIngestionWorkflow.workflowId(plan.from(), plan.to());
    step("turnstile: ingesting weeks %s to %s (workflow %s)", plan.from(), plan.to(), workflowId);
    TurnstileIngestionResult result =
        new TurnstileIngestionFollower(client)
            .startAndFollow(
                plan.from(),
                plan.to(),
                plan.turnstileSource(),
                line -> step("turnstile: %s", line));
    step("turnstile: %s", result.totals());
    return workflowId;
  }

  /** Replays the week and waits for its windows in the lake; empty when it was streamed before. */
  private Optional<String> replay(WorkflowClient client) {
    LocalDate first = plan.replayWeek().minusDays(7);
    LocalDate last = plan.replayWeek().minusDays(1);
    long streamed =
        count(
            "select count(*) as n from fact_turnstile where source = 'stream'"
                + " and cast(reading_at as date) between date '"
                + first
                + "' and date '"
                + last
                + "'");
    String workflowId = StreamReplayWorkflow.workflowId(plan.replayWeek());
    if (streamed > 0) {
      step(
          "stream: %,d windows of %s..%s are in the warehouse already; not replayed again",
          streamed, first, last);
      return Optional.empty();
    }
    step(
        "stream: replaying week %s into Kafka, %,.0fx real time (workflow %s)",
        plan.replayWeek(), plan.replaySpeedup(), workflowId);
    StreamReplayWorkflow workflow =
        client.newWorkflowStub(
            StreamReplayWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.TURNSTILE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    ReplayResult result =
        workflow.replay(new ReplayRequest(plan.replayWeek(), plan.replaySpeedup()));
    step(
        "stream: sent %,d messages (%s to %s) in %.1f s; %s",
        result.messages(),
        result.firstEvent(),
        result.lastEvent(),
        result.seconds(),
        result.plan());
    awaitStreamFiles();
    return Optional.of(workflowId);
  }

  /** Waits until the job's committed files stop changing (windows closed, checkpoints taken). */
  private void awaitStreamFiles() {
    long deadline = System.nanoTime() + STREAM_WAIT.toNanos();
    List<LakeObject> seen = streamFiles();
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      sleep(Duration.ofSeconds(2));
      List<LakeObject> now = streamFiles();
      if (!now.equals(seen)) {
        seen = now;
        stableSince = System.nanoTime();
      } else if (!now.isEmpty()
          && System.nanoTime() - stableSince > plan.streamSettle().toNanos()) {
        step("stream: the job committed %d files to the lake", now.size());
        return;
      }
    }
    step(
        "stream: still changing after %d s; loading the %d files committed so far",
        STREAM_WAIT.toSeconds(), seen.size());
  }

  private List<LakeObject> streamFiles() {
    return files(LakeLayout.TURNSTILE_STREAM);
  }

  private List<LakeObject> files(String prefix) {
    try {
      return lake.list(prefix).stream().filter(file -> file.key().endsWith(".csv.gz")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of the job's late-message files: messages kept aside, not counted in any window. */
  private long lateMessages() {
    long lines = 0;
    for (LakeObject file : files(LakeLayout.TURNSTILE_LATE)) {
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(lake.open(file.key())), StandardCharsets.UTF_8))) {
        lines += reader.lines().count();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.key(), e);
      }
    }
    return lines;
  }

  private Map<String, Long> tableRows() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : List.of("dim_date", "dim_station", "dim_booth", "fact_turnstile")) {
      rows.put(table, count("select count(*) as n from " + table));
    }
    rows.put(
        "fact_turnstile (stream)",
        count("select count(*) as n from fact_turnstile where source = 'stream'"));
    rows.put("traffic_intervals", count("select count(*) as n from traffic_intervals"));
    return rows;
  }

  /**
   * Each replayed day on both paths, over the intervals whose entries and exits are both known (a
   * replay sends no message for an interval with either unknown). A batch interval counts on the
   * day of its closing reading, a stream window on the day it starts: the same reading.
   */
  private List<DayTraffic> days() {
    LocalDate first = plan.replayWeek().minusDays(7);
    LocalDate last = plan.replayWeek().minusDays(1);
    QueryResult result =
        warehouse()
            .query(
                "with intervals as ("
                    + " select case when source = 'stream' then cast(interval_start as date)"
                    + " else cast(interval_end as date) end as day, source, entries, exits"
                    + " from traffic_intervals where entries is not null and exits is not null)"
                    + " select day,"
                    + " sum(case when source = 'batch' then entries else 0 end) as batch_entries,"
                    + " sum(case when source = 'batch' then exits else 0 end) as batch_exits,"
                    + " sum(case when source = 'stream' then entries else 0 end) as stream_entries,"
                    + " sum(case when source = 'stream' then exits else 0 end) as stream_exits"
                    + " from intervals where day between date '"
                    + first
                    + "' and date '"
                    + last
                    + "' group by day order by day");
    List<DayTraffic> days = new ArrayList<>();
    for (List<String> row : result.rows()) {
      days.add(
          new DayTraffic(
              LocalDate.parse(row.get(0)),
              Long.parseLong(row.get(1)),
              Long.parseLong(row.get(2)),
              Long.parseLong(row.get(3)),
              Long.parseLong(row.get(4))));
    }
    return days;
  }

  private String servedModel() {
    return currentModel()
        .map(
            manifest -> {
              ModelReport report = manifest.servingReport();
              return String.format(
                  Locale.ROOT,
                  "%s (%s): threshold %.3f; on the test split precision %.4f, recall %.4f,"
                      + " F1 %.4f, ROC AUC %.4f",
                  manifest.versionId(),
                  manifest.model(),
                  manifest.threshold(),
                  report.testAtThreshold().precision(),
                  report.testAtThreshold().recall(),
                  report.testAtThreshold().f1(),
                  report.testAtThreshold().rocAuc());
            })
        .orElse("none promoted");
  }

  private Optional<BundleManifest> currentModel() {
    try {
      Optional<String> version = heartLake.currentVersion();
      return version.isEmpty() ? Optional.empty() : Optional.of(heartLake.manifest(version.get()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long count(String sql) {
    WarehouseDatabase database = database();
    if (!database.exists()) {
      return 0;
    }
    return Long.parseLong(new Warehouse(database, lake).query(sql).first("n"));
  }

  private Warehouse warehouse() {
    return new Warehouse(database(), lake);
  }

  private WarehouseDatabase database() {
    return new WarehouseDatabase(
        warehouseFile, WarehouseDatabase.DEFAULT_LOCK_TIMEOUT, line -> step("%s", line));
  }

  private void step(String format, Object... args) {
    progress.accept(String.format(Locale.ROOT, format, args));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
