package dev.platform.flink.turnstile;

import java.io.IOException;
import java.util.Optional;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Retained checkpoints under a checkpoint folder ({@code <dir>/<job id>/chk-<n>/_metadata}), on any
 * file system Flink can read.
 */
public final class Checkpoints {
  private Checkpoints() {}

  /** The newest complete checkpoint of any job under {@code checkpointDir}. */
  public static Optional<String> latest(String checkpointDir) throws IOException {
    Path root = new Path(checkpointDir);
    FileSystem fs = root.getFileSystem();
    if (!fs.exists(root)) {
      return Optional.empty();
    }
    Path best = null;
    long bestTime = Long.MIN_VALUE;
    for (FileStatus job : list(fs, root)) {
      if (!job.isDir()) {
        continue;
      }
      for (FileStatus chk : list(fs, job.getPath())) {
        if (!chk.isDir() || !chk.getPath().getName().startsWith("chk-")) {
          continue;
        }
        Path metadata = new Path(chk.getPath(), "_metadata");
        if (!fs.exists(metadata)) {
          continue;
        }
        long time = fs.getFileStatus(metadata).getModificationTime();
        if (time > bestTime) {
          bestTime = time;
          best = chk.getPath();
        }
      }
    }
    return Optional.ofNullable(best).map(Path::toString);
  }

  private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
    FileStatus[] entries = fs.listStatus(dir);
    return entries == null ? new FileStatus[0] : entries;
  }
}
