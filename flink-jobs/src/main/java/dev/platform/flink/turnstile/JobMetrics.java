package dev.platform.flink.turnstile;

/**
 * Names of the job's counters (Flink metrics, reported per operator subtask; the REST API lists
 * them as {@code <subtask>.<operator>.<name>} under each job vertex).
 */
public final class JobMetrics {
  public static final String MESSAGES_IN = "turnstileMessagesIn";
  public static final String DEAD_LETTERS = "turnstileDeadLetters";
  public static final String DUPLICATES_DROPPED = "turnstileDuplicatesDropped";
  public static final String AGGREGATES_OUT = "turnstileAggregatesOut";
  public static final String LATE_EVENTS = "turnstileLateEvents";

  private JobMetrics() {}
}
