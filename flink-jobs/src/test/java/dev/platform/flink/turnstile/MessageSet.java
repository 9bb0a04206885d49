package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A known stream of turnstile messages in event-time order (jittered by less than the watermark
 * delay), with 1% malformed, 1% duplicated and 1% late messages mixed in, and the window sums
 * expected from it, computed here without Flink.
 */
final class MessageSet {
  static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);
  static final LocalDateTime START = LocalDateTime.parse("2024-01-06T23:00:00");

  final List<String> lines = new ArrayList<>();
  final List<String> malformed = new ArrayList<>();
  final List<String> late = new ArrayList<>();
  int duplicates;

  /** "CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,DESC,WINDOW_START" -> {entries, exits}. */
  final Map<String, long[]> expectedWindows = new LinkedHashMap<>();

  long validUniqueEntries;
  long validUniqueExits;

  private static final String[][] TURNSTILES = {
    {"A002", "R051", "02-00-00", "59 ST"},
    {"A002", "R051", "02-00-01", "59 ST"},
    {"A002", "R051", "02-03-00", "59 ST"},
    {"A006", "R079", "00-00-00", "5 AV/59 ST"},
    {"A006", "R079", "00-00-01", "5 AV/59 ST"},
    {"R148", "R033", "01-00-00", "TIMES SQ-42 ST"},
    {"R148", "R033", "01-00-01", "TIMES SQ-42 ST"},
    {"R148", "R033", "01-00-02", "TIMES SQ-42 ST"},
  };

  /**
   * @param count on-time messages; 1% more each of malformed, duplicated and late ones are added
   * @param step event time between consecutive on-time messages
   */
  static MessageSet generate(int count, Duration step, long seed) {
    return generate(count, step, seed, true);
  }

  /** As {@link #generate(int, Duration, long)}, with or without late messages. */
  static MessageSet generate(int count, Duration step, long seed, boolean withLate) {
    MessageSet set = new MessageSet();
    Random random = new Random(seed);
    int extra = Math.max(1, count / 100);
    Set<Integer> malformedAt = positions(random, count, extra, 0);
    Set<Integer> duplicateAt = positions(random, count, extra, 0);
    Set<Integer> lateAt = withLate ? positions(random, count, extra, 100) : Set.of();
    List<String> pendingDuplicates = new ArrayList<>();
    List<Integer> pendingDuplicateAt = new ArrayList<>();

    for (int i = 0; i < count; i++) {
      LocalDateTime now = START.plus(step.multipliedBy(i));
      // jitter of less than a third of the watermark delay: never late by accident
      LocalDateTime time = now.plusSeconds(random.nextInt(21) - 10);
      String line = set.onTime(random, time);
      set.lines.add(line);
      if (duplicateAt.contains(i)) {
        pendingDuplicates.add(line);
        pendingDuplicateAt.add(i + 1 + random.nextInt(40));
      }
      for (int d = 0; d < pendingDuplicates.size(); d++) {
        if (pendingDuplicateAt.get(d) == i) {
          set.lines.add(pendingDuplicates.get(d));
          set.duplicates++;
        }
      }
      if (malformedAt.contains(i)) {
        String bad = malformed(random, time, set.malformed.size());
        set.malformed.add(bad);
        set.lines.add(bad);
      }
      if (lateAt.contains(i)) {
        // 20 to 40 minutes behind: its window closed long ago
        LocalDateTime old = now.minusMinutes(20 + random.nextInt(21));
        String lateLine = message(random, old).format();
        set.late.add(lateLine);
        set.lines.add(lateLine);
      }
    }
    for (int d = 0; d < pendingDuplicates.size(); d++) {
      if (pendingDuplicateAt.get(d) >= count) {
        set.lines.add(pendingDuplicates.get(d));
        set.duplicates++;
      }
    }
    return set;
  }

  private String onTime(Random random, LocalDateTime time) {
    TurnstileMessage m = message(random, time);
    LocalDateTime windowStart = time.withSecond(0).withNano(0).withMinute(time.getMinute() / 5 * 5);
    String key =
        String.join(
            ",",
            m.ca(),
            m.unit(),
            m.scp(),
            m.station(),
            m.linename(),
            m.division(),
            m.date().toString(),
            m.desc(),
            TurnstileMessage.TIMESTAMP.format(windowStart));
    long[] sums = expectedWindows.computeIfAbsent(key, k -> new long[2]);
    sums[0] += m.entries();
    sums[1] += m.exits();
    validUniqueEntries += m.entries();
    validUniqueExits += m.exits();
    return m.format();
  }

  private static TurnstileMessage message(Random random, LocalDateTime time) {
    String[] t = TURNSTILES[random.nextInt(TURNSTILES.length)];
    return TestMessages.message(
        t[0],
        t[1],
        t[2],
        t[3],
        time,
        random.nextInt(40),
        random.nextInt(30),
        new UUID(random.nextLong(), random.nextLong()).toString());
  }

  private static String malformed(Random random, LocalDateTime time, int n) {
    String good = message(random, time).format();
    String[] f = good.split(",", -1);
    switch (n % 6) {
      case 0 -> {
        return String.join(",", java.util.Arrays.copyOf(f, 11));
      }
      case 1 -> f[9] = "many";
      case 2 -> f[11] = "";
      case 3 -> f[6] = "2024/01/06";
      case 4 -> f[10] = "-3";
      default -> f[12] = "not a time";
    }
    return String.join(",", f);
  }

  private static Set<Integer> positions(Random random, int count, int n, int from) {
    Set<Integer> at = new HashSet<>();
    while (at.size() < n) {
      at.add(from + random.nextInt(count - from));
    }
    return at;
  }
}
