package dev.platform.api.model;

import dev.platform.core.io.Folders;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeFolders;
import dev.platform.core.lake.LakeLayout;
import dev.platform.ml.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Local copies of promoted bundles, one folder per version ({@code <cache>/models/<version>/}). A
 * version's files never change once promoted, so a whole copy is used as it is; a copy is renamed
 * into place only when every object arrived with its checksum.
 */
final class BundleCache {
  private final Lake lake;
  private final Path folder;

  BundleCache(Lake lake, Path cacheDir) {
    this.lake = lake;
    this.folder = cacheDir.resolve("models");
  }

  /** The local folder of {@code version}, copied from the lake when not here yet. */
  Path fetch(String version) throws IOException {
    Path local = folder.resolve(version);
    if (Files.isRegularFile(local.resolve(ModelBundle.MANIFEST_FILE))) {
      return local;
    }
    String prefix = LakeLayout.heartModel(version);
    if (!lake.exists(prefix + ModelBundle.MANIFEST_FILE)) {
      throw new IOException("bundle " + version + " is not (completely) in the lake " + lake.uri());
    }
    Folders.deleteRecursively(local); // a folder without its manifest is no bundle
    LakeFolders.download(lake, prefix, local);
    return local;
  }

  /** Removes every cached version but {@code keep}. */
  void retainOnly(Set<String> keep) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> versions = Files.list(folder)) {
      for (Path version : versions.toList()) {
        String name = version.getFileName().toString();
        if (!name.startsWith(".") && !keep.contains(name)) {
          Folders.deleteRecursively(version);
        }
      }
    }
  }
}
