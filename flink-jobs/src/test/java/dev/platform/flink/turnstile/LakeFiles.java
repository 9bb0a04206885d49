package dev.platform.flink.turnstile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads the job's gzip CSV files back from a lake folder. */
final class LakeFiles {
  private LakeFiles() {}

  /**
   * Every visible file under {@code folder}, relative path -> its lines (gunzipped if .gz). Hidden
   * files ({@code .part-*}: in progress, not committed) are skipped, as every reader of the lake
   * does.
   */
  static Map<String, List<String>> read(Path folder) {
    Map<String, List<String>> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p :
          paths
              .filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .toList()) {
        files.put(folder.relativize(p).toString().replace('\\', '/'), lines(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static List<String> lines(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".gz")) {
      return Files.readAllLines(file);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
