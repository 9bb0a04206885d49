package dev.platform.warehouse;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.StreamAggregate;
import dev.platform.core.turnstile.TurnstileCsv;
import dev.platform.core.turnstile.TurnstileReading;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Builds lake content for tests: canonical batch weeks, stream files, the reference table. */
public final class TestLakes {
  private TestLakes() {}

  /**
   * The shared data folder: system property {@code shared.data.dir} when it exists, else the
   * nearest {@code shared/data} beside a folder above this one (checkouts in a worktree folder).
   */
  public static Path sharedData() {
    Path configured = Path.of(System.getProperty("shared.data.dir", "../../shared/data"));
    if (Files.isDirectory(configured)) {
      return configured;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate.resolve("mta"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared data not found at " + configured.toAbsolutePath());
  }

  /** A shared MTA week, e.g. {@code 240106}. */
  public static Path sharedWeek(String yymmdd) {
    return sharedData().resolve("mta").resolve(yymmdd + ".csv.gz");
  }

  /**
   * Converts the first {@code maxLines} lines of a public-format file into a canonical lake week
   * (all lines when {@code maxLines} is 0); returns the number of distinct (CA, UNIT, SCP, DATE,
   * TIME) keys written.
   */
  public static long putWeek(Lake lake, LocalDate saturday, Path publicFile, int maxLines)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Set<String> keys = new HashSet<>();
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(publicFile)),
                    StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
      TurnstileCsv.Header header = TurnstileCsv.header(in.readLine());
      out.write(TurnstileCsv.HEADER + "\n");
      int lines = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (maxLines > 0 && ++lines > maxLines) {
          break;
        }
        ParseResult<TurnstileReading> parsed = header.parse(line);
        if (parsed.isOk()) {
          TurnstileReading r = parsed.get();
          keys.add(r.ca() + "|" + r.unit() + "|" + r.scp() + "|" + r.date() + "|" + r.time());
          out.write(TurnstileCsv.format(r) + "\n");
        }
      }
    }
    lake.put(LakeLayout.turnstileBatch(saturday), bytes.toByteArray());
    return keys.size();
  }

  /** A canonical batch week from readings. */
  public static String putWeek(Lake lake, LocalDate saturday, List<TurnstileReading> readings)
      throws IOException {
    StringBuilder text = new StringBuilder(TurnstileCsv.HEADER + "\n");
    readings.forEach(r -> text.append(TurnstileCsv.format(r)).append('\n'));
    String key = LakeLayout.turnstileBatch(saturday);
    lake.put(key, gzip(text.toString()));
    return key;
  }

  /** A stream file of window aggregates under {@code turnstile/stream/date=.../name}. */
  public static String putStream(Lake lake, String name, List<StreamAggregate> windows)
      throws IOException {
    StringBuilder text = new StringBuilder(StreamAggregate.HEADER + "\n");
    windows.forEach(w -> text.append(w.format()).append('\n'));
    String key =
        LakeLayout.TURNSTILE_STREAM + "date=" + windows.get(0).date() + "/" + name + ".csv.gz";
    lake.put(key, gzip(text.toString()));
    return key;
  }

  /** The shared reference table, as the lake holds it. */
  public static void putReference(Lake lake) throws IOException {
    lake.put(LakeLayout.TURNSTILE_REFERENCE, sharedData().resolve("mta/remote_booth_station.csv"));
  }

  public static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
      out.write(text);
    }
    return bytes.toByteArray();
  }
}
