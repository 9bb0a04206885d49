package dev.platform.heart;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.platform.ml.bundle.ModelReport;
import java.util.List;
import java.util.Map;

/** The values the heart-training workflow and its activities exchange (JSON through Temporal). */
public final class HeartTrainingTypes {
  /**
   * The name the lake key had when it was a path under the platform home: histories recorded then
   * still replay, and a local lake still finds their files (a path inside the lake's folder).
   */
  static final String OLD_NAME = "lakeFile";

  private HeartTrainingTypes() {}

  /**
   * A source stored in the lake under {@code lakeKey}; {@code reused} when the same content was
   * already there.
   */
  public record IngestedData(
      @JsonAlias(OLD_NAME) String lakeKey, String sha256, long bytes, boolean reused) {}

  /**
   * The run's prepared data: read, validated, de-duplicated, split and encoded once into {@code
   * folder}; the profile, the trainings and the bundle step read it instead of the source.
   */
  public record PreparedSummary(
      String folder,
      long rowsRead,
      long rowsKept,
      int trainRows,
      int validationRows,
      int testRows,
      int columns) {}

  /** What the profile step found, in brief; the full profile is in the run folder. */
  public record ProfileSummary(long rows, long positives, String topRiskValue, String folder) {}

  /** One model to train on an ingested file, with outputs under the run folder. */
  public record TrainRequest(@JsonAlias(OLD_NAME) String lakeKey, String runId, String model) {}

  /** Assemble the bundle from the trained candidates; {@code createdAtMillis} fixes its version. */
  public record BundleRequest(
      @JsonAlias(OLD_NAME) String lakeKey,
      String runId,
      List<String> models,
      long createdAtMillis) {}

  /** A bundle written into the run folder. */
  public record BuiltBundle(
      String versionId,
      String folder,
      String servingModel,
      double validationF1,
      Map<String, ModelReport> reports) {}

  /** Whether the bundle became the current model, and why. */
  public record Promotion(
      boolean promoted, String versionId, String previousVersionId, String reason) {}

  /** The workflow's result. */
  public record HeartTrainingResult(
      String dataSha256,
      String versionId,
      String servingModel,
      boolean promoted,
      String reason,
      String apiNotification,
      Map<String, ModelReport> reports) {}
}
