package dev.platform.core.lake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The data lake: objects under slash-separated keys ({@code turnstile/batch/2024/...}, see {@link
 * LakeLayout}), in a local folder or a Google Cloud Storage bucket. Writes are atomic: a reader
 * sees the whole object or none of it. Implementations are thread-safe.
 */
public interface Lake extends AutoCloseable {

  /** Where the lake is, as a URI: {@code file:/...} or {@code gs://bucket/prefix}. */
  String uri();

  /** The URI of one key, for tools that write there themselves (Flink's file sink). */
  String uri(String key);

  /** Stores a local file under {@code key}, replacing what was there; visible only when whole. */
  LakeObject put(String key, Path file) throws IOException;

  /** Stores bytes under {@code key}, replacing what was there; visible only when whole. */
  LakeObject put(String key, byte[] bytes) throws IOException;

  /** Opens an object for reading. */
  InputStream open(String key) throws IOException;

  /** The object's size and SHA-256, if it exists. */
  Optional<LakeObject> stat(String key) throws IOException;

  /** True if an object exists under exactly this key. */
  default boolean exists(String key) throws IOException {
    return stat(key).isPresent();
  }

  /** Every object whose key starts with {@code prefix}, sorted by key. */
  List<LakeObject> list(String prefix) throws IOException;

  /** Removes an object; no error when it does not exist. */
  void delete(String key) throws IOException;

  /** Copies an object to a local file (for tools that read files, such as DuckDB). */
  default void download(String key, Path target) throws IOException {
    try (InputStream in = open(key)) {
      java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The object as a local file that tools may read in place (never write), when the lake is a
   * folder; empty for remote lakes, whose objects are {@link #download downloaded}.
   */
  default Optional<Path> localFile(String key) throws IOException {
    return Optional.empty();
  }

  @Override
  default void close() throws IOException {}
}
