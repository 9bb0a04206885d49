package dev.platform.turnstile.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/** Flink's checkpoint folders on a local disk. */
final class StreamJobFiles {
  private StreamJobFiles() {}

  static boolean isCheckpointMetadata(Path file, BasicFileAttributes attributes) {
    return attributes.isRegularFile()
        && file.getFileName().toString().equals("_metadata")
        && file.getParent().getFileName().toString().startsWith("chk-");
  }

  static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
