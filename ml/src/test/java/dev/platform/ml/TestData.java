package dev.platform.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The header and the first {@code rows} data rows of the dev file, gzipped into {@code dir}. */
  public static Path devSample(Path dir, int rows) throws IOException {
    Path sample = dir.resolve("heart_sample_" + rows + ".csv.gz");
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(devHeartFile())),
                    StandardCharsets.UTF_8));
        OutputStream raw = Files.newOutputStream(sample);
        Writer out =
            new java.io.OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8)) {
      String line = in.readLine();
      for (int n = 0; line != null && n <= rows; n++, line = in.readLine()) {
        out.write(line);
        out.write('\n');
      }
    }
    return sample;
  }
}
