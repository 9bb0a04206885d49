package dev.platform.core.lake;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lake in a Google Cloud Storage bucket, under an optional prefix ({@code gs://bucket/prefix}).
 * Credentials come from the application-default chain ({@code GOOGLE_APPLICATION_CREDENTIALS},
 * {@code gcloud auth application-default login}, or the VM's service account), never from this
 * code.
 *
 * <p>Every put is one upload, and GCS makes an object visible only when its upload completes, so
 * readers see the whole object or none. The SHA-256 is kept as object metadata ({@value
 * #SHA256_METADATA}) at put time; objects written by other tools (Flink's file sink) have none, so
 * it is computed by reading them once per object generation.
 */
public final class GcsLake implements Lake {
  /** The object metadata key holding the lower-case hex SHA-256 of the object's bytes. */
  public static final String SHA256_METADATA = "sha256";

  private final Storage storage;
  private final String bucket;
  private final String prefix;
  private final Map<String, String> computedSha256 = new ConcurrentHashMap<>();

  /**
   * @param prefix folder inside the bucket ({@code ""} for the bucket's root); a trailing slash is
   *     added when missing
   */
  public GcsLake(Storage storage, String bucket, String prefix) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("a GCS lake needs a bucket");
    }
    this.storage = storage;
    this.bucket = bucket;
    this.prefix = normalizePrefix(prefix);
  }

  /** The lake a {@code gs://bucket/prefix} URI names, with application-default credentials. */
  public static GcsLake fromUri(String uri) {
    Location location = Location.parse(uri);
    return new GcsLake(
        StorageOptions.getDefaultInstance().getService(), location.bucket(), location.prefix());
  }

  /** The bucket and prefix of a {@code gs://} URI. */
  public record Location(String bucket, String prefix) {
    public static Location parse(String uri) {
      if (!uri.startsWith("gs://")) {
        throw new IllegalArgumentException("not a gs:// URI: " + uri);
      }
      String rest = uri.substring("gs://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String prefix = slash < 0 ? "" : rest.substring(slash + 1);
      if (bucket.isBlank()) {
        throw new IllegalArgumentException(
            "no bucket in " + uri + " (expected gs://bucket/prefix)");
      }
      return new Location(bucket, normalizePrefix(prefix));
    }
  }

  public String bucket() {
    return bucket;
  }

  public String prefix() {
    return prefix;
  }

  @Override
  public String uri() {
    return "gs://" + bucket + "/" + prefix;
  }

  @Override
  public String uri(String key) {
    return "gs://" + bucket + "/" + name(key);
  }

  @Override
  public LakeObject put(String key, Path file) throws IOException {
    BlobInfo info = blobInfo(key, LocalLake.sha256(file));
    try {
      return toObject(key, storage.createFrom(info, file));
    } catch (com.google.cloud.storage.StorageException e) {
      throw new IOException("cannot upload " + file + " to " + uri(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public LakeObject put(String key, byte[] bytes) throws IOException {
    BlobInfo info = blobInfo(key, sha256(bytes));
    try {
      return toObject(key, storage.create(info, bytes));
    } catch (com.google.cloud.storage.StorageException e) {
      throw new IOException("cannot upload to " + uri(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    Blob blob = get(key);
    if (blob == null) {
      throw new NoSuchFileException(uri(key));
    }
    // the generation read is the one found: a concurrent overwrite does not mix two objects
    ReadChannel reader = storage.reader(BlobId.of(bucket, blob.getName(), blob.getGeneration()));
    return Channels.newInputStream(reader);
  }

  @Override
  public Optional<LakeObject> stat(String key) throws IOException {
    Blob blob = get(key);
    return blob == null ? Optional.empty() : Optional.of(toObject(key, blob));
  }

  @Override
  public List<LakeObject> list(String keyPrefix) throws IOException {
    List<LakeObject> objects = new ArrayList<>();
    try {
      for (Blob blob :
          storage.list(bucket, Storage.BlobListOption.prefix(prefix + keyPrefix)).iterateAll()) {
        if (blob.getName().endsWith("/")) {
          continue; // a folder placeholder made by the console, not an object of the lake
        }
        objects.add(toObject(blob.getName().substring(prefix.length()), blob));
      }
    } catch (com.google.cloud.storage.StorageException e) {
      throw new IOException("cannot list " + uri(keyPrefix) + ": " + e.getMessage(), e);
    }
    objects.sort(Comparator.comparing(LakeObject::key));
    return objects;
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      storage.delete(BlobId.of(bucket, name(key)));
    } catch (com.google.cloud.storage.StorageException e) {
      throw new IOException("cannot delete " + uri(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      storage.close();
    } catch (Exception e) {
      throw new IOException("cannot close the GCS client", e);
    }
  }

  private Blob get(String key) throws IOException {
    try {
      return storage.get(BlobId.of(bucket, name(key)));
    } catch (com.google.cloud.storage.StorageException e) {
      throw new IOException("cannot read " + uri(key) + ": " + e.getMessage(), e);
    }
  }

  private BlobInfo blobInfo(String key, String sha256) {
    return BlobInfo.newBuilder(BlobId.of(bucket, name(key)))
        .setContentType(contentType(key))
        .setMetadata(Map.of(SHA256_METADATA, sha256))
        .build();
  }

  private LakeObject toObject(String key, Blob blob) throws IOException {
    return new LakeObject(
        key, blob.getSize() == null ? 0 : blob.getSize(), sha256(blob), modified(blob));
  }

  private String sha256(Blob blob) throws IOException {
    Map<String, String> metadata = blob.getMetadata();
    String stored = metadata == null ? null : metadata.get(SHA256_METADATA);
    if (stored != null && !stored.isBlank()) {
      return stored;
    }
    String version = blob.getName() + "#" + blob.getGeneration();
    String known = computedSha256.get(version);
    if (known != null) {
      return known;
    }
    try (InputStream in =
            Channels.newInputStream(
                storage.reader(BlobId.of(bucket, blob.getName(), blob.getGeneration())));
        DigestInputStream digesting = new DigestInputStream(in, LocalLake.newSha256())) {
      digesting.transferTo(OutputStream.nullOutputStream());
      String computed = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
      computedSha256.put(version, computed);
      return computed;
    }
  }

  private static Instant modified(Blob blob) {
    OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
    if (updated == null) {
      updated = blob.getCreateTimeOffsetDateTime();
    }
    return updated == null ? Instant.EPOCH : updated.toInstant();
  }

  private String name(String key) {
    if (key.isEmpty() || key.startsWith("/") || key.contains("//") || key.contains("../")) {
      throw new IllegalArgumentException("not a lake key: '" + key + "'");
    }
    return prefix + key;
  }

  private static String normalizePrefix(String prefix) {
    String stripped = prefix == null ? "" : prefix.strip();
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    return stripped.isEmpty() || stripped.endsWith("/") ? stripped : stripped + "/";
  }

  private static String contentType(String key) {
    if (key.endsWith(".gz")) {
      return "application/gzip";
    }
    if (key.endsWith(".json")) {
      return "application/json";
    }
    if (key.endsWith(".png")) {
      return "image/png";
    }
    if (key.endsWith(".csv")) {
      return "text/csv";
    }
    return key.endsWith(".txt") || key.endsWith(".md") ? "text/plain" : "application/octet-stream";
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(LocalLake.newSha256().digest(bytes));
  }
}
