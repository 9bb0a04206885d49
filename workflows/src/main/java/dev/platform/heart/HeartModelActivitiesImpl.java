package dev.platform.heart;

import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.source.Sources;
import dev.platform.heart.HeartTrainingTypes.BuiltBundle;
import dev.platform.heart.HeartTrainingTypes.BundleRequest;
import dev.platform.heart.HeartTrainingTypes.IngestedData;
import dev.platform.heart.HeartTrainingTypes.ProfileSummary;
import dev.platform.heart.HeartTrainingTypes.Promotion;
import dev.platform.heart.HeartTrainingTypes.TrainRequest;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.Json;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.data.HeartCsvWriter;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.io.Folders;
import dev.platform.ml.pipeline.BundleBuilder;
import dev.platform.ml.pipeline.Candidate;
import dev.platform.ml.pipeline.ModelEvaluator;
import dev.platform.ml.pipeline.PreparedData;
import dev.platform.ml.pipeline.TrainingRun;
import dev.platform.ml.profile.HeartProfile;
import dev.platform.ml.profile.HeartProfiler;
import dev.platform.ml.profile.ProfileWriter;
import dev.platform.ml.report.ReportWriter;
import dev.platform.ml.train.ModelFiles;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainedModel;
import dev.platform.temporal.Heartbeats;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The heart pipeline's activities over the lake (sources, promoted bundles) and local run folders.
 * Each is idempotent: a retry after a crash rewrites the same paths (run folder by workflow id,
 * bundle version fixed by the workflow).
 */
public class HeartModelActivitiesImpl implements HeartModelActivities {
  static final String BUNDLE_DIR = "bundle";
  static final String REPORT_FILE = "report.json";

  private final HeartLake lake;
  private final ApiNotifier notifier;

  public HeartModelActivitiesImpl(HeartLake lake, ApiNotifier notifier) {
    this.lake = lake;
    this.notifier = notifier;
  }

  @Override
  public IngestedData ingest(String source) {
    try {
      if (source.startsWith(HeartLake.SOURCE_SCHEME)) {
        String key = source.substring(HeartLake.SOURCE_SCHEME.length());
        LakeObject stored =
            lake.lake()
                .stat(key)
                .orElseThrow(() -> new IOException("no " + key + " in " + lake.lake().uri()));
        return new IngestedData(key, stored.sha256(), stored.size(), true);
      }
      Path staging =
          Files.createTempFile(Files.createDirectories(lake.incoming()), "ingest-", ".part");
      try {
        String sha256;
        long bytes;
        try (InputStream raw = Sources.openRaw(source);
            DigestInputStream digesting = Sources.digesting(raw)) {
          bytes = Files.copy(digesting, staging, StandardCopyOption.REPLACE_EXISTING);
          sha256 = Sources.hex(digesting.getMessageDigest());
        }
        Optional<LakeObject> stored = lake.raw(sha256);
        if (stored.isPresent()) { // content-addressed: the same bytes are stored once
          return new IngestedData(stored.get().key(), sha256, bytes, true);
        }
        String key = LakeLayout.heartRaw(sha256) + fileName(source);
        lake.lake().put(key, staging);
        return new IngestedData(key, sha256, bytes, false);
      } finally {
        Files.deleteIfExists(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot ingest " + source + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ProfileSummary profile(String lakeKey, String runId) {
    HeartDataset dataset = HeartDataset.load(localFile(lakeKey));
    HeartProfile profile =
        HeartProfiler.profile(
            dataset.records(), HeartProfiler.defaultMinGroupSize(dataset.records().size()));
    Path folder = lake.run(runId).resolve("profile");
    try {
      ProfileWriter.write(profile, folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String top =
        profile.topRisk().isEmpty()
            ? "none"
            : profile.topRisk().get(0).feature() + " = " + profile.topRisk().get(0).value();
    return new ProfileSummary(profile.rows(), profile.positives(), top, folder.toString());
  }

  @Override
  public ModelReport train(TrainRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Heartbeats heartbeats = new Heartbeats();
    try {
      return heartbeats.whileRunning(context, () -> trainCandidate(request, heartbeats));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private ModelReport trainCandidate(TrainRequest request, Heartbeats heartbeats)
      throws IOException {
    Path folder = candidateFolder(request.runId(), request.model());
    Path reportFile = folder.resolve(REPORT_FILE);
    if (Files.isRegularFile(reportFile)) {
      return Json.MAPPER.readValue(reportFile.toFile(), ModelReport.class); // finished before
    }
    heartbeats.stage("reading " + request.lakeKey());
    PreparedData data = PreparedData.of(HeartDataset.load(localFile(request.lakeKey())));
    heartbeats.stage("training " + request.model());
    Candidate candidate = ModelEvaluator.trainAndEvaluate(data, ModelKind.fromId(request.model()));
    heartbeats.stage("saving " + request.model());
    Path staging = Files.createTempDirectory(Files.createDirectories(folder.getParent()), ".");
    candidate.model().save(staging);
    Json.MAPPER.writeValue(staging.resolve(REPORT_FILE).toFile(), candidate.report());
    Folders.deleteRecursively(folder);
    Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    return candidate.report();
  }

  @Override
  public BuiltBundle buildBundle(BundleRequest request) {
    try {
      PreparedData data = PreparedData.of(HeartDataset.load(localFile(request.lakeKey())));
      List<Candidate> candidates = new ArrayList<>();
      for (String model : request.models()) {
        Path folder = candidateFolder(request.runId(), model);
        ModelReport report =
            Json.MAPPER.readValue(folder.resolve(REPORT_FILE).toFile(), ModelReport.class);
        ModelKind kind = ModelKind.fromId(model);
        TrainedModel trained =
            ModelFiles.load(
                kind,
                folder.resolve(ModelFiles.fileName(kind)),
                report.settings(),
                data.encoding().columnNames());
        double[] testScores = report.calibration().applyAll(trained.predict(data.test()));
        candidates.add(new Candidate(report, trained, testScores));
      }
      ModelBundle bundle =
          BundleBuilder.build(data, candidates, Instant.ofEpochMilli(request.createdAtMillis()));
      Path run = lake.run(request.runId());
      ReportWriter.write(bundle.manifest(), candidates, data.test().labels(), run);
      HeartCsvWriter.write(data.split().test(), run.resolve(TrainingRun.TEST_SPLIT));
      Path folder = run.resolve(BUNDLE_DIR);
      Folders.deleteRecursively(folder);
      bundle.write(folder, run);
      BundleManifest manifest = bundle.manifest();
      return new BuiltBundle(
          manifest.versionId(),
          folder.toString(),
          manifest.model(),
          manifest.servingReport().validation().f1(),
          manifest.models());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Promotion promote(BuiltBundle bundle) {
    try {
      Optional<String> current = lake.currentVersion();
      String previous = current.orElse("");
      if (previous.equals(bundle.versionId())) {
        return new Promotion(true, bundle.versionId(), previous, "already current");
      }
      if (current.isPresent() && lake.hasBundle(previous)) {
        double currentF1 = lake.manifest(previous).servingReport().validation().f1();
        if (bundle.validationF1() < currentF1) {
          return new Promotion(
              false,
              bundle.versionId(),
              previous,
              String.format(
                  Locale.ROOT,
                  "not promoted: validation F1 %.4f is worse than current %s (%.4f)",
                  bundle.validationF1(),
                  previous,
                  currentF1));
        }
      }
      // every file under the version's prefix first, CURRENT last: readers never see half a bundle
      lake.putBundle(bundle.versionId(), Path.of(bundle.folder()));
      lake.setCurrent(bundle.versionId());
      return new Promotion(
          true,
          bundle.versionId(),
          previous,
          previous.isEmpty()
              ? "promoted " + bundle.versionId() + " (first model)"
              : "promoted " + bundle.versionId() + ", replacing " + previous);
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

  private String localFile(String lakeKey) {
    try {
      return lake.localFile(lakeKey).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + lakeKey + " from the lake: " + e.getMessage(), e);
    }
  }

  private Path candidateFolder(String runId, String model) {
    return lake.run(runId).resolve("candidates").resolve(model);
  }

  private static String fileName(String source) {
    String path = source.replaceAll("[?#].*$", "");
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isBlank() ? "source.csv" : name;
  }
}
