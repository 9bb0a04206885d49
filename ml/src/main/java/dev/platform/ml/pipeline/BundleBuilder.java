package dev.platform.ml.pipeline;

import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.features.FeatureEncoding;
import dev.platform.ml.train.ModelFiles;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chooses the serving model (best validation F1) and assembles the bundle around it. */
public final class BundleBuilder {
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private BundleBuilder() {}

  public static Candidate best(List<Candidate> candidates) {
    return candidates.stream()
        .max(Comparator.comparingDouble(candidate -> candidate.report().validation().f1()))
        .orElseThrow(() -> new IllegalArgumentException("no trained model to choose from"));
  }

  /** Use {@link #build(PreparedRun, List, Instant)}. */
  public static ModelBundle build(PreparedData data, List<Candidate> candidates, Instant now) {
    return build(
        data.dataset().summary(),
        data.encoding(),
        data.train().rows(),
        data.validation().rows(),
        data.test().rows(),
        candidates,
        now);
  }

  /**
   * The bundle of the best candidate (by validation F1). The bundle shares that candidate's model:
   * whoever owns the candidates closes it.
   */
  public static ModelBundle build(PreparedRun run, List<Candidate> candidates, Instant now) {
    return build(
        run.summary(),
        run.encoding(),
        run.train().rows(),
        run.validation().rows(),
        run.test().rows(),
        candidates,
        now);
  }

  private static ModelBundle build(
      HeartDataset.Summary summary,
      FeatureEncoding encoding,
      int trainRows,
      int validationRows,
      int testRows,
      List<Candidate> candidates,
      Instant now) {
    Candidate chosen = best(candidates);
    Instant created = now.truncatedTo(ChronoUnit.SECONDS);
    Map<String, ModelReport> reports = new LinkedHashMap<>();
    candidates.forEach(candidate -> reports.put(candidate.report().model(), candidate.report()));
    ModelReport serving = chosen.report();
    BundleManifest manifest =
        new BundleManifest(
            BundleManifest.FORMAT_VERSION,
            versionId(created, summary.sha256()),
            created.toString(),
            serving.model(),
            ModelFiles.fileName(chosen.model().kind()),
            serving.settings(),
            summary.source(),
            summary.sha256(),
            new BundleManifest.RowCounts(
                summary.rowsRead(),
                summary.rowsSkipped(),
                summary.duplicatesRemoved(),
                trainRows,
                validationRows,
                testRows),
            encoding,
            serving.calibration(),
            serving.threshold(),
            reports);
    return new ModelBundle(manifest, chosen.model());
  }

  /** {@code 20261126T140501Z-90a1e2e8}: creation time and the data checksum's first 8 hex. */
  public static String versionId(Instant created, String dataSha256) {
    return VERSION_TIME.format(created) + "-" + dataSha256.substring(0, 8);
  }
}
