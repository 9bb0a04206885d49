package dev.platform.heart;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeFolders;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.lake.LocalLake;
import dev.platform.core.source.Sources;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.registry.ModelChange;
import dev.platform.ml.registry.RegistryReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.util.List;
import java.util.Optional;

/**
 * The heart data's places: ingested sources, promoted bundles and {@code CURRENT} in the {@link
 * Lake} ({@link LakeLayout#heartRaw}, {@link LakeLayout#heartModel}, {@link
 * LakeLayout#HEART_CURRENT}); a training run's working files stay on this machine, in {@code
 * <home>/runs/<workflow id>/}, and lake objects that tools must read as files are copied to {@code
 * <home>/cache/lake/} (a local folder lake hands out its own files).
 */
public record HeartLake(Lake lake, Path home) {
  /** A source that names an object of this lake: {@code lake:heart/raw/<sha256>/<file>}. */
  public static final String SOURCE_SCHEME = "lake:";

  public Path run(String workflowId) {
    return home.resolve("runs").resolve(workflowId);
  }

  /** Where a source is staged while it is hashed, before it goes into the lake. */
  Path incoming() {
    return home.resolve("cache").resolve("incoming");
  }

  /**
   * Stores a source's bytes in the lake, content-addressed: read once, hashed as they are read,
   * kept under {@link LakeLayout#heartRaw} of that hash (stored once however often it is ingested).
   * A {@code lake:} source names an object already stored. The hash returned is that of the bytes
   * stored, whatever the source serves the next time it is read.
   */
  public HeartTrainingTypes.IngestedData ingest(String source) throws IOException {
    if (source.startsWith(SOURCE_SCHEME)) {
      String key = source.substring(SOURCE_SCHEME.length());
      LakeObject stored =
          lake.stat(key).orElseThrow(() -> new IOException("no " + key + " in " + lake.uri()));
      return new HeartTrainingTypes.IngestedData(key, stored.sha256(), stored.size(), true);
    }
    Path staging = Files.createTempFile(Files.createDirectories(incoming()), "ingest-", ".part");
    try {
      String sha256;
      long bytes;
      try (InputStream raw = Sources.openRaw(source);
          DigestInputStream digesting = Sources.digesting(raw)) {
        bytes = Files.copy(digesting, staging, StandardCopyOption.REPLACE_EXISTING);
        sha256 = Sources.hex(digesting.getMessageDigest());
      }
      Optional<LakeObject> stored = raw(sha256);
      if (stored.isPresent()) {
        return new HeartTrainingTypes.IngestedData(stored.get().key(), sha256, bytes, true);
      }
      String key = LakeLayout.heartRaw(sha256) + fileName(source);
      lake.put(key, staging);
      return new HeartTrainingTypes.IngestedData(key, sha256, bytes, false);
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  private static String fileName(String source) {
    String path = source.replaceAll("[?#].*$", "");
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isBlank() ? "source.csv" : name;
  }

  /** The stored copy of a source with this content, if there is one (any file name). */
  public Optional<LakeObject> raw(String sha256) throws IOException {
    List<LakeObject> copies = lake.list(LakeLayout.heartRaw(sha256));
    return copies.isEmpty() ? Optional.empty() : Optional.of(copies.get(0));
  }

  /** A lake object as a local file, for readers of files. */
  public Path localFile(String key) throws IOException {
    if (lake instanceof LocalLake local) {
      return local.path(key);
    }
    LakeObject object =
        lake.stat(key).orElseThrow(() -> new IOException("no " + key + " in " + lake.uri()));
    Path file = home.resolve("cache").resolve("lake").resolve(key).normalize();
    if (Files.isRegularFile(file) && Files.size(file) == object.size()) {
      return file;
    }
    Files.createDirectories(file.getParent());
    Path staging = Files.createTempFile(file.getParent(), ".download-", ".tmp");
    try {
      lake.download(key, staging);
      Files.move(
          staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(staging);
    }
    return file;
  }

  /** The registry as stored in the lake, read as the API reads it. */
  public RegistryReader registry() {
    return new RegistryReader(lake);
  }

  /** The serving bundle's version, if one was promoted. */
  public Optional<String> currentVersion() throws IOException {
    return registry().currentVersion();
  }

  /** True when every file of the bundle is in the lake: its manifest goes up last. */
  public boolean hasBundle(String version) throws IOException {
    return registry().hasBundle(version);
  }

  /** The manifest of a promoted bundle. */
  public BundleManifest manifest(String version) throws IOException {
    return registry().manifest(version);
  }

  /** Stores a bundle folder under its version, manifest last; a complete copy is kept as is. */
  public void putBundle(String version, Path folder) throws IOException {
    if (!hasBundle(version)) {
      LakeFolders.put(lake, folder, LakeLayout.heartModel(version), ModelBundle.MANIFEST_FILE);
    }
  }

  /** Points CURRENT at a stored version; the lake makes the switch atomic. */
  public void setCurrent(String version) throws IOException {
    if (!hasBundle(version)) {
      throw new IOException("bundle " + version + " is not in the lake " + lake.uri());
    }
    lake.put(LakeLayout.HEART_CURRENT, (version + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Compare-and-set of CURRENT: points it at {@code version} only if it still names {@code
   * expected} (empty: no model yet), and appends the change to {@link LakeLayout#HEART_HISTORY}.
   * Callers on this machine are serialised by a lock file (in a local lake's own folder, else in
   * the home), so two runs finishing together cannot both switch from the same CURRENT.
   *
   * @return false, changing nothing, when CURRENT moved since {@code expected} was read
   */
  public boolean switchCurrent(String expected, String version, String action, String reason)
      throws IOException {
    if (!hasBundle(version)) {
      throw new IOException("bundle " + version + " is not in the lake " + lake.uri());
    }
    try (CurrentLock held = CurrentLock.acquire(lockFile())) {
      String now = currentVersion().orElse("");
      if (!now.equals(expected)) {
        return false;
      }
      List<ModelChange> changes = new java.util.ArrayList<>(history());
      changes.add(
          new ModelChange(java.time.Instant.now().toString(), version, now, action, reason));
      lake.put(
          LakeLayout.HEART_HISTORY, ModelChange.format(changes).getBytes(StandardCharsets.UTF_8));
      setCurrent(version);
      return true;
    }
  }

  /** Every change of CURRENT, oldest first ({@link LakeLayout#HEART_HISTORY}). */
  public List<ModelChange> history() throws IOException {
    return registry().history();
  }

  /** The versions of every stored bundle (complete or not), oldest first. */
  public List<String> versions() throws IOException {
    return registry().versions();
  }

  /** A promoted bundle as a local folder (a local lake's own, else a cached copy). */
  public Path localBundle(String version) throws IOException {
    String prefix = LakeLayout.heartModel(version);
    Path folder = null;
    for (LakeObject object : lake.list(prefix)) {
      Path file = localFile(object.key());
      if (object.key().equals(manifestKey(version))) {
        folder = file.getParent();
      }
    }
    if (folder == null) {
      throw new IOException("no bundle " + version + " in " + lake.uri());
    }
    return folder;
  }

  private Path lockFile() throws IOException {
    Path folder =
        lake instanceof LocalLake local
            ? local.path(LakeLayout.HEART_MODELS)
            : home.resolve("cache").resolve("locks");
    return Files.createDirectories(folder).resolve(".current.lock");
  }

  private static String manifestKey(String version) {
    return RegistryReader.manifestKey(version);
  }
}
