package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
  @TempDir Path dir;

  private Path checkpoint(String job, String chk, long modified, boolean complete)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve(job).resolve(chk));
    if (complete) {
      Path metadata = Files.writeString(folder.resolve("_metadata"), "x");
      Files.setLastModifiedTime(metadata, FileTime.fromMillis(modified));
    }
    return folder;
  }

  @Test
  void theLatestCompleteCheckpointOfAnyJob() throws Exception {
    assertEquals(Optional.empty(), Checkpoints.latest(dir.resolve("missing").toUri().toString()));
    checkpoint("job-a", "chk-3", 1_000_000, true);
    Path newest = checkpoint("job-b", "chk-1", 2_000_000, true);
    checkpoint("job-b", "chk-2", 3_000_000, false);
    Files.createDirectories(dir.resolve("job-b").resolve("shared"));
    Optional<String> latest = Checkpoints.latest(dir.toUri().toString());
    assertEquals(newest, Path.of(java.net.URI.create(latest.orElseThrow())));
  }
}
