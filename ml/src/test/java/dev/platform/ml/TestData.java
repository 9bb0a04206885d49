package dev.platform.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The shared development data (never copied into the project) and samples of it. */
public final class TestData {
  private TestData() {}

  public static Path devHeartFile() {
    String dir = System.getProperty("shared.data.dir", "../../shared/data");
    Path file = Path.of(dir, "heart", "heart_2020_cleaned.dev.csv.gz");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("shared data not found at " + file.toAbsolutePath());
    }
    return file;
  }

  public static Path fixture(String name) {
    return Path.of("src/test/resources/heart", name);
  }

  /** The header and the first {@code rows} data rows of the dev file. */
  public static List<String> devLines(int rows) throws IOException {
    return gunzipLines(devHeartFile(), rows + 1);
  }

  /** The first {@code limit} lines of a gzip file. */
  public static List<String> gunzipLines(Path file, int limit) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine();
          line != null && lines.size() < limit;
          line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The header and the first {@code rows} data rows of the dev file, gzipped into {@code dir}. */
  public static Path devSample(Path dir, int rows) throws IOException {
    Path sample = dir.resolve("heart_sample_" + rows + ".csv.gz");
    try (Writer out =
        new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(sample)), StandardCharsets.UTF_8)) {
      for (String line : devLines(rows)) {
        out.write(line);
        out.write('\n');
      }
    }
    return sample;
  }
}
