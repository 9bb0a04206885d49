package dev.platform.flink.turnstile;

/** Entries and exits summed over some messages. */
public record TrafficCounts(long entries, long exits) {
  public static final TrafficCounts ZERO = new TrafficCounts(0, 0);

  public TrafficCounts plus(long moreEntries, long moreExits) {
    return new TrafficCounts(entries + moreEntries, exits + moreExits);
  }

  public TrafficCounts minus(TrafficCounts other) {
    return new TrafficCounts(entries - other.entries, exits - other.exits);
  }

  public boolean isZero() {
    return entries == 0 && exits == 0;
  }
}
