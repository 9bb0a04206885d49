package dev.platform.kafka.produce;

import dev.platform.core.source.Sources;
import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileCsv;
import dev.platform.core.turnstile.TurnstileReading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads a weekly turnstile file (any public variant or the lake's canonical form, gzip or not). */
final class WeeklyFileReader {
  private WeeklyFileReader() {}

  /**
   * Streams the readings of a file.
   *
   * @param problems receives one line per data line that does not parse (line number and reason)
   * @return the number of data lines read
   */
  static long read(Path file, Consumer<TurnstileReading> readings, Consumer<String> problems)
      throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Sources.unpacked(Sources.openRaw(file.toString())), StandardCharsets.UTF_8),
            1 << 16)) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        throw new IOException(file + " is empty");
      }
      TurnstileCsv.Header header = TurnstileCsv.header(headerLine);
      long lines = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines++;
        ParseResult<TurnstileReading> result = header.parse(line);
        if (result.isOk()) {
          readings.accept(result.get());
        } else {
          problems.accept("line " + (lines + 1) + ": " + result.problem());
        }
      }
      return lines;
    }
  }
}
