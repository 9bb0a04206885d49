package dev.platform.warehouse;

import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import java.util.Optional;

/**
 * A lake file the warehouse loads.
 *
 * @param key its lake key
 * @param sha256 its content's checksum when listed
 * @param source {@code batch} (weekly readings) or {@code stream} (window aggregates)
 */
public record LakeFile(String key, String sha256, String source) {
  public static final String BATCH = "batch";
  public static final String STREAM = "stream";

  /** The file as a load candidate, if it is a batch week or a stream file. */
  public static Optional<LakeFile> of(LakeObject object) {
    String key = object.key();
    if (!key.endsWith(".csv.gz")) {
      return Optional.empty();
    }
    if (key.startsWith(LakeLayout.TURNSTILE_BATCH)) {
      return Optional.of(new LakeFile(key, object.sha256(), BATCH));
    }
    if (key.startsWith(LakeLayout.TURNSTILE_STREAM)) {
      return Optional.of(new LakeFile(key, object.sha256(), STREAM));
    }
    return Optional.empty();
  }
}
