package dev.platform.ml.pipeline;

import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.profile.HeartProfile;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training run's working folder and the steps that fill it, each reading what the one before
 * wrote. The workflow's activities (and so {@code train --direct}) call these, in the order the
 * workflow gives; nothing else strings them together.
 *
 * <ul>
 *   <li>{@code prepared/}: the data prepared once ({@link PreparedRun})
 *   <li>{@code profile/}: class balance, risk table, mutual information ({@link ProfileStep})
 *   <li>{@code candidates/<model>/}: each trained model and its report ({@link CandidateFolder})
 *   <li>{@code model/}: the bundle; beside it {@code metrics.json}, {@code report.md}, {@code
 *       charts/} and {@code splits/test.csv.gz}, the rows no model has seen ({@link BundleStep})
 * </ul>
 */
public record RunFolder(Path folder) {
  public static final String PREPARED_DIR = "prepared";
  public static final String PROFILE_DIR = "profile";
  public static final String CANDIDATES_DIR = "candidates";
  public static final String MODEL_DIR = "model";
  public static final String TEST_SPLIT = "splits/test.csv.gz";

  public RunFolder {
    folder = folder.toAbsolutePath().normalize();
  }

  public Path prepared() {
    return folder.resolve(PREPARED_DIR);
  }

  public Path profileFolder() {
    return folder.resolve(PROFILE_DIR);
  }

  public Path candidate(String model) {
    return folder.resolve(CANDIDATES_DIR).resolve(model);
  }

  public Path bundle() {
    return folder.resolve(MODEL_DIR);
  }

  public Path testSplit() {
    return folder.resolve(TEST_SPLIT);
  }

  /** Whether the data was prepared (completely: the folder appears whole). */
  public boolean isPrepared() {
    return java.nio.file.Files.isRegularFile(prepared().resolve(PreparedRun.MANIFEST_FILE));
  }

  /** Reads, validates, de-duplicates, splits and encodes the source into {@code prepared/}. */
  public PreparedManifest prepare(String source) throws IOException {
    return PreparedRun.prepare(source, prepared()).manifest();
  }

  /** Profiles the prepared records into {@code profile/}. */
  public HeartProfile profile() throws IOException {
    return ProfileStep.profile(prepared(), profileFolder());
  }

  /** Trains one model on the prepared data into {@code candidates/<model>/} (once). */
  public ModelReport train(ModelKind kind, TrainingSettings settings, Consumer<String> stage)
      throws IOException {
    return CandidateFolder.train(prepared(), kind, settings, candidate(kind.id()), stage);
  }

  /** Chooses the serving model among the trained candidates and writes the bundle and report. */
  public BundleManifest buildBundle(List<String> models, Instant created) throws IOException {
    List<Path> candidates = models.stream().map(this::candidate).toList();
    return BundleStep.build(prepared(), candidates, created, folder, bundle());
  }
}
