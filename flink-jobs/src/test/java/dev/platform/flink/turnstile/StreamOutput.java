package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.lake.LakeLayout;
import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.StreamAggregate;
import dev.platform.core.turnstile.TurnstileMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the job committed to a lake folder, read back and checked against a {@link MessageSet}. */
final class StreamOutput {
  private StreamOutput() {}

  /**
   * Rows of the stream folder summed per key and window start ({entries, exits, rows}); checks the
   * file names, header and buckets on the way.
   */
  static Map<String, long[]> windowSums(Path lake) {
    Map<String, List<String>> files = LakeFiles.read(lake.resolve(LakeLayout.TURNSTILE_STREAM));
    Map<String, long[]> sums = new HashMap<>();
    files.forEach(
        (name, lines) -> {
          assertTrue(
              name.matches("date=\\d{4}-\\d{2}-\\d{2}/part-[^/]+\\.csv\\.gz"),
              "only committed part files: " + name);
          assertEquals(StreamAggregate.HEADER, lines.get(0), name);
          for (String line : lines.subList(1, lines.size())) {
            ParseResult<StreamAggregate> parsed = StreamAggregate.parse(line);
            assertTrue(parsed.isOk(), parsed.problem());
            StreamAggregate a = parsed.get();
            assertEquals("date=" + a.windowStart().toLocalDate(), name.substring(0, 15));
            assertEquals(Duration.ofMinutes(5), Duration.between(a.windowStart(), a.windowEnd()));
            String key =
                String.join(
                    ",",
                    a.ca(),
                    a.unit(),
                    a.scp(),
                    a.station(),
                    a.linename(),
                    a.division(),
                    a.date().toString(),
                    a.desc(),
                    TurnstileMessage.TIMESTAMP.format(a.windowStart()));
            long[] s = sums.computeIfAbsent(key, k -> new long[3]);
            s[0] += a.entries();
            s[1] += a.exits();
            s[2]++;
          }
        });
    return sums;
  }

  /** The raw lines in the late folder, sorted. */
  static List<String> lateLines(Path lake) {
    Map<String, List<String>> files = LakeFiles.read(lake.resolve(LakeLayout.TURNSTILE_LATE));
    files
        .keySet()
        .forEach(
            name ->
                assertTrue(name.matches("date=[-0-9]{10}/part-[^/]+\\.csv\\.gz"), "late " + name));
    return files.values().stream().flatMap(List::stream).sorted().toList();
  }

  /** Exactly the expected windows, each with its sums, in one row. */
  static void assertExpectedWindows(MessageSet m, Map<String, long[]> actual) {
    assertEquals(m.expectedWindows.keySet(), actual.keySet());
    m.expectedWindows.forEach(
        (key, expected) -> {
          long[] got = actual.get(key);
          assertEquals(expected[0], got[0], "entries of " + key);
          assertEquals(expected[1], got[1], "exits of " + key);
          assertEquals(1, got[2], "rows of " + key);
        });
  }

  /** Every valid message counted once: in exactly one window or in the late folder. */
  static void assertEveryMessageOnce(MessageSet m, Path lake) {
    long entries = 0;
    long exits = 0;
    for (long[] s : windowSums(lake).values()) {
      entries += s[0];
      exits += s[1];
    }
    for (String line : lateLines(lake)) {
      TurnstileMessage late = TurnstileMessage.parse(line).get();
      entries += late.entries();
      exits += late.exits();
    }
    long sentEntries = m.validUniqueEntries;
    long sentExits = m.validUniqueExits;
    for (String line : m.late) {
      sentEntries += TurnstileMessage.parse(line).get().entries();
      sentExits += TurnstileMessage.parse(line).get().exits();
    }
    assertEquals(sentEntries, entries, "entries");
    assertEquals(sentExits, exits, "exits");
  }
}
