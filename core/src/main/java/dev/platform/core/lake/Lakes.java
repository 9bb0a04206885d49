package dev.platform.core.lake;

import java.net.URI;
import java.nio.file.Path;

/**
 * Opens the lake a URI names: a path or {@code file:} URL (a folder), or {@code gs://bucket/prefix}
 * (credentials from the application-default chain; see {@link GcsLake}).
 */
public final class Lakes {
  private Lakes() {}

  public static Lake open(String uri) {
    if (uri.startsWith("gs://")) {
      return GcsLake.fromUri(uri);
    }
    return new LocalLake(uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri));
  }
}
