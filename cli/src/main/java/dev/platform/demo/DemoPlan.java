package dev.platform.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the demo runs: the heart source, the turnstile weeks, the week replayed into Kafka.
 *
 * @param mirror a mirror folder ({@code heart/}, {@code mta/}); empty: the public sources
 * @param heartSource the heart file or URL
 * @param from first Saturday ingested
 * @param to last Saturday ingested
 * @param replayWeek the week replayed through Kafka and Flink (its batch totals are known)
 * @param replaySpeedup event time this many times faster than it happened
 * @param streamSettle how long the lake's stream files must stay unchanged once the replay is sent
 */
public record DemoPlan(
    Optional<Path> mirror,
    String heartSource,
    LocalDate from,
    LocalDate to,
    LocalDate replayWeek,
    double replaySpeedup,
    Duration streamSettle) {

  public static final LocalDate FIRST_WEEK = LocalDate.of(2024, 1, 6);
  public static final LocalDate LAST_WEEK = LocalDate.of(2024, 2, 10);

  /**
   * A week of event time in about a minute. The first week is replayed: like the batch side, which
   * has no earlier reading for it, the replay starts each turnstile's traffic at its second
   * reading, so both sides cover the same intervals.
   */
  public static final double ABOUT_A_MINUTE_A_WEEK = 7 * 24 * 60;

  /** Ingestion source for the workflow: the mirror folder, or blank for the worker's setting. */
  public String turnstileSource() {
    return mirror.map(path -> path.toAbsolutePath().normalize().toString()).orElse("");
  }
}
