package dev.platform.flink.turnstile;

/**
 * Names of the job's counts. Each is a Flink metric (per operator subtask; the REST API lists them
 * as {@code <subtask>.<operator>.<name>} under each job vertex) and an accumulator of the same name
 * (summed over subtasks: {@code GET /jobs/<id>/accumulators}, and in a finished job's result).
 */
public final class JobMetrics {
  public static final String MESSAGES_IN = "turnstileMessagesIn";
  public static final String DEAD_LETTERS = "turnstileDeadLetters";
  public static final String DUPLICATES_DROPPED = "turnstileDuplicatesDropped";
  public static final String AGGREGATES_OUT = "turnstileAggregatesOut";
  public static final String LATE_EVENTS = "turnstileLateEvents";

  /** Accumulator only: wall-clock millis of the first message the job read (for benchmarks). */
  public static final String FIRST_MESSAGE_AT = "turnstileFirstMessageAt";

  private JobMetrics() {}
}
