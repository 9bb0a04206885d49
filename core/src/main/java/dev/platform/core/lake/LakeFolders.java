package dev.platform.core.lake;

import dev.platform.core.io.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folders in the lake: a local folder stored object by object under a key prefix, and a prefix
 * copied back into a local folder. A lake has no folders of its own, so a reader that must see a
 * folder whole looks for a marker object written last ({@link #put(Lake, Path, String, String)}).
 */
public final class LakeFolders {
  private LakeFolders() {}

  /**
   * Stores every regular file of {@code folder} under {@code prefix} (which ends with {@code /}),
   * the file named {@code last} (relative, slash-separated) after all others, so its presence means
   * the whole folder is there.
   */
  public static List<LakeObject> put(Lake lake, Path folder, String prefix, String last)
      throws IOException {
    requireFolderPrefix(prefix);
    List<String> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .filter(Files::isRegularFile)
          .map(path -> folder.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .forEach(files::add);
    }
    if (!files.remove(last)) {
      throw new IOException("no " + last + " in " + folder);
    }
    files.add(last);
    List<LakeObject> stored = new ArrayList<>(files.size());
    for (String file : files) {
      stored.add(lake.put(prefix + file, folder.resolve(file)));
    }
    return stored;
  }

  /**
   * Copies every object under {@code prefix} into {@code target}, which must not exist yet: the
   * objects go to a hidden sibling folder, each checked against its SHA-256, and the folder is
   * renamed into place when whole. When another process put {@code target} there first, its copy is
   * kept. Returns the number of objects copied.
   */
  public static int download(Lake lake, String prefix, Path target) throws IOException {
    requireFolderPrefix(prefix);
    List<LakeObject> objects = lake.list(prefix);
    if (objects.isEmpty()) {
      throw new IOException("nothing under " + prefix + " in the lake " + lake.uri());
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
    try {
      for (LakeObject object : objects) {
        Path file = staging.resolve(object.key().substring(prefix.length())).normalize();
        if (!file.startsWith(staging)) {
          throw new IOException("object key leaves its folder: " + object.key());
        }
        Files.createDirectories(file.getParent());
        copyChecked(lake, object, file);
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
        // another reader finished first: its copy is as good as ours
      }
      return objects.size();
    } finally {
      Folders.deleteRecursively(staging);
    }
  }

  private static void copyChecked(Lake lake, LakeObject object, Path file) throws IOException {
    try (InputStream in = lake.open(object.key());
        DigestInputStream digesting = new DigestInputStream(in, LocalLake.newSha256())) {
      Files.copy(digesting, file, StandardCopyOption.REPLACE_EXISTING);
      String sha256 = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
      if (!sha256.equals(object.sha256())) {
        throw new IOException(
            object.key() + " changed while it was copied (SHA-256 " + sha256 + ")");
      }
    }
  }

  private static void requireFolderPrefix(String prefix) {
    if (!prefix.endsWith("/")) {
      throw new IllegalArgumentException("a folder prefix ends with '/': " + prefix);
    }
  }
}
