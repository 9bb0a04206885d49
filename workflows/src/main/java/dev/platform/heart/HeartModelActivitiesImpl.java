package dev.platform.heart;

import dev.platform.heart.HeartTrainingTypes.BuiltBundle;
import dev.platform.heart.HeartTrainingTypes.BundleRequest;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import dev.platform.heart.HeartTrainingTypes.PreparedSummary;
import dev.platform.heart.HeartTrainingTypes.ProfileSummary;
import dev.platform.heart.HeartTrainingTypes.Promotion;
import dev.platform.heart.HeartTrainingTypes.TrainRequest;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.pipeline.CandidateFolder;
import dev.platform.ml.pipeline.PreparedManifest;
import dev.platform.ml.pipeline.PreparedRun;
import dev.platform.ml.pipeline.RunFolder;
import dev.platform.ml.profile.HeartProfile;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainingSettings;
import dev.platform.temporal.Heartbeats;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The heart pipeline's activities over the lake (sources, promoted bundles) and local run folders.
 * Each is idempotent: a retry after a crash rewrites the same paths (run folder by workflow id,
 * bundle version fixed by the workflow). {@code train --direct} calls the same methods in-process
 * (see {@link HeartTrainingSteps}).
 */
public class HeartModelActivitiesImpl implements HeartModelActivities {
  private static final ConcurrentHashMap<Path, Path> PREPARING = new ConcurrentHashMap<>();

  private final HeartLake lake;
  private final ApiNotifier notifier;
  private final TrainingSettings settings;
  private final Function<String, Path> runFolders;

  /** Runs in {@code <home>/runs/<run id>/}. */
  public HeartModelActivitiesImpl(HeartLake lake, ApiNotifier notifier, TrainingSettings settings) {
    this(lake, notifier, settings, lake::run);
  }

  /**
   * @param runFolders the working folder of a run id ({@code train --direct --out DIR}: DIR)
   */
  public HeartModelActivitiesImpl(
      HeartLake lake,
      ApiNotifier notifier,
      TrainingSettings settings,
      Function<String, Path> runFolders) {
    this.lake = lake;
    this.notifier = notifier;
    this.settings = settings;
    this.runFolders = runFolders;
  }

  @Override
  public IngestedData ingest(String source) {
    try {
      return lake.ingest(source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot ingest " + source + ": " + e.getMessage(), e);
    }
  }

  @Override
  public PreparedSummary prepare(String lakeKey, String runId) {
    try {
      return summary(ensurePrepared(lakeKey, runId));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot prepare " + lakeKey + " for run " + runId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ProfileSummary profile(String lakeKey, String runId) {
    RunFolder run = runFolder(runId);
    try {
      ensurePrepared(lakeKey, runId);
      HeartProfile profile = run.profile();
      String top =
          profile.topRisk().isEmpty()
              ? "none"
              : profile.topRisk().get(0).feature() + " = " + profile.topRisk().get(0).value();
      return new ProfileSummary(
          profile.rows(), profile.positives(), top, run.profileFolder().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public ModelReport train(TrainRequest request) {
    Optional<ActivityExecutionContext> context = activityContext();
    try {
      if (context.isEmpty()) {
        return trainCandidate(request, stage -> {}); // --direct: no Temporal around
      }
      Heartbeats heartbeats = new Heartbeats();
      return heartbeats.whileRunning(
          context.get(), () -> trainCandidate(request, heartbeats::stage));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private ModelReport trainCandidate(TrainRequest request, Consumer<String> stage)
      throws IOException {
    RunFolder run = runFolder(request.runId());
    Path folder = run.candidate(request.model());
    if (Files.isRegularFile(folder.resolve(CandidateFolder.REPORT_FILE))) {
      return CandidateFolder.readReport(folder); // finished before
    }
    stage.accept("reading the prepared data");
    ensurePrepared(request.lakeKey(), request.runId());
    return run.train(ModelKind.fromId(request.model()), settings, stage);
  }

  @Override
  public BuiltBundle buildBundle(BundleRequest request) {
    try {
      RunFolder run = runFolder(request.runId());
      ensurePrepared(request.lakeKey(), request.runId());
      BundleManifest manifest =
          run.buildBundle(request.models(), Instant.ofEpochMilli(request.createdAtMillis()));
      return new BuiltBundle(
          manifest.versionId(),
          run.bundle().toString(),
          manifest.model(),
          manifest.servingReport().validation().f1(),
          manifest.models());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Promotes the bundle unless the current model scores better on this run's validation rows; the
   * switch of CURRENT is a compare-and-set (see {@link HeartModelRegistry}).
   */
  @Override
  public Promotion promote(BuiltBundle bundle) {
    try {
      Path folder = Path.of(bundle.folder());
      return new HeartModelRegistry(lake)
          .promoteIfNotWorse(
              bundle.versionId(), folder, folder.resolveSibling(RunFolder.PREPARED_DIR));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String notifyApi(String versionId) {
    try {
      return notifier.reload(versionId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public HeartTrainingResult awaitTraining(String workflowId) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    WorkflowStub run = context.getWorkflowClient().newUntypedWorkflowStub(workflowId);
    while (true) {
      context.heartbeat("waiting for " + workflowId);
      try {
        return run.getResult(5, TimeUnit.SECONDS, HeartTrainingResult.class);
      } catch (TimeoutException stillRunning) {
        // heartbeat again: a worker that died while waiting is noticed
      }
    }
  }

  /**
   * The run's prepared folder, written once: by the PrepareData step, or by the first step that
   * needs it in a run started before that step existed. Steps of one run share this worker's lock.
   */
  private Path ensurePrepared(String lakeKey, String runId) throws IOException {
    RunFolder run = runFolder(runId);
    synchronized (PREPARING.computeIfAbsent(run.prepared(), f -> f)) {
      if (!run.isPrepared()) {
        run.prepare(localFile(lakeKey));
      }
      return run.prepared();
    }
  }

  private static PreparedSummary summary(Path folder) throws IOException {
    PreparedManifest manifest = PreparedRun.readManifest(folder);
    return new PreparedSummary(
        folder.toString(),
        manifest.rowsRead(),
        manifest.rowsKept(),
        manifest.train().rows(),
        manifest.validation().rows(),
        manifest.test().rows(),
        manifest.columns().size());
  }

  private RunFolder runFolder(String runId) {
    return new RunFolder(runFolders.apply(runId));
  }

  private static Optional<ActivityExecutionContext> activityContext() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (RuntimeException notInAnActivity) {
      return Optional.empty();
    }
  }

  private String localFile(String lakeKey) {
    try {
      return lake.localFile(lakeKey).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + lakeKey + " from the lake: " + e.getMessage(), e);
    }
  }
}
