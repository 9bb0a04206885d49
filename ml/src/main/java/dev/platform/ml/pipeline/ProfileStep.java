package dev.platform.ml.pipeline;

import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.profile.HeartProfile;
import dev.platform.ml.profile.HeartProfiler;
import dev.platform.ml.profile.ProfileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Profiles a run's kept records (class balance, risk table, mutual information) into a folder. */
public final class ProfileStep {
  private ProfileStep() {}

  /** Profiles the records of a prepared folder; runs beside training, reading no CSV. */
  public static HeartProfile profile(Path preparedFolder, Path outFolder) throws IOException {
    return profile(PreparedRun.readRecords(preparedFolder), outFolder);
  }

  public static HeartProfile profile(List<LabeledRecord> records, Path outFolder)
      throws IOException {
    HeartProfile profile =
        HeartProfiler.profile(records, HeartProfiler.defaultMinGroupSize(records.size()));
    ProfileWriter.write(profile, outFolder);
    return profile;
  }
}
