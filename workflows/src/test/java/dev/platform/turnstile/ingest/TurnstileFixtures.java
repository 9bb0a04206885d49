package dev.platform.turnstile.ingest;

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

/** Small mirror folders made from the shared data (never committed). */
public final class TurnstileFixtures {
  private TurnstileFixtures() {}

  public static Path sharedData() {
    return Path.of(System.getProperty("shared.data.dir"));
  }

  /** A mirror with the station table in {@code mta/} and nothing else yet. */
  public static Path mirror(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("mta"));
    Files.copy(
        sharedData().resolve("mta/remote_booth_station.csv"),
        folder.resolve("mta/remote_booth_station.csv"));
    return folder;
  }

  /**
   * The first {@code lines} lines (header included) of a shared week, as {@code mta/yyMMdd.csv.gz}.
   */
  public static Path week(Path mirror, String sharedWeek, String asWeek, int lines)
      throws IOException {
    Path target = mirror.resolve("mta").resolve(asWeek + ".csv.gz");
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(
                        Files.newInputStream(
                            sharedData().resolve("mta/" + sharedWeek + ".csv.gz"))),
                    StandardCharsets.UTF_8));
        OutputStream gz = new GZIPOutputStream(Files.newOutputStream(target));
        Writer out = new java.io.OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
      for (int i = 0; i < lines; i++) {
        out.write(in.readLine());
        out.write('\n');
      }
    }
    return target;
  }

  /** A week that is no turnstile data at all. */
  public static Path garbageWeek(Path mirror, String asWeek) throws IOException {
    return Files.writeString(
        mirror.resolve("mta").resolve("turnstile_" + asWeek + ".csv.gz"),
        "<html><body>maintenance</body></html>\n");
  }
}
