package dev.platform.core.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A lake in a local folder. Writes go to a hidden temporary file beside the target and are moved
 * into place atomically; hidden files (names starting with a dot) are never listed.
 */
public final class LocalLake implements Lake {
  private final Path root;

  /**
   * Checksums already taken, by path, with the size and modification time they were taken at:
   * listings (a warehouse load's, a poll for stream files) would otherwise read every file again.
   */
  private final Map<Path, Checksum> checksums = new ConcurrentHashMap<>();

  private record Checksum(Object fileKey, long size, FileTime modified, String sha256) {}

  public LocalLake(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The local file of a key. */
  public Path path(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("key leaves the lake: " + key);
    }
    return path;
  }

  @Override
  public Optional<Path> localFile(String key) {
    Path path = path(key);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  @Override
  public String uri() {
    return root.toUri().toString();
  }

  @Override
  public String uri(String key) {
    return path(key).toUri().toString();
  }

  @Override
  public LakeObject put(String key, Path file) throws IOException {
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempFile(target.getParent(), ".put-", ".tmp");
    try {
      Files.copy(file, staging, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(staging);
    }
    return stat(key).orElseThrow();
  }

  @Override
  public LakeObject put(String key, byte[] bytes) throws IOException {
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempFile(target.getParent(), ".put-", ".tmp");
    try {
      Files.write(staging, bytes);
      Files.move(
          staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(staging);
    }
    return stat(key).orElseThrow();
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(path(key));
  }

  @Override
  public Optional<LakeObject> stat(String key) throws IOException {
    Path path = path(key);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      BasicFileAttributes file = Files.readAttributes(path, BasicFileAttributes.class);
      Checksum known = checksums.get(path);
      // a put moves a new file into place: another file key, so never a stale checksum
      if (known == null
          || !java.util.Objects.equals(known.fileKey(), file.fileKey())
          || known.size() != file.size()
          || !known.modified().equals(file.lastModifiedTime())) {
        known = new Checksum(file.fileKey(), file.size(), file.lastModifiedTime(), sha256(path));
        checksums.put(path, known);
      }
      return Optional.of(
          new LakeObject(key, file.size(), known.sha256(), file.lastModifiedTime().toInstant()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<LakeObject> list(String prefix) throws IOException {
    String folderPart = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
    Path start = folderPart.isEmpty() ? root : path(folderPart);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(start)) {
      files
          .filter(Files::isRegularFile)
          .filter(file -> !isHidden(root.relativize(file)))
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(key -> key.startsWith(prefix))
          .forEach(keys::add);
    }
    keys.sort(String::compareTo);
    List<LakeObject> objects = new ArrayList<>();
    for (String key : keys) {
      stat(key).ifPresent(objects::add);
    }
    return objects;
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  @Override
  public void download(String key, Path target) throws IOException {
    Files.copy(path(key), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DigestInputStream digesting = new DigestInputStream(in, newSha256())) {
      digesting.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
    }
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
