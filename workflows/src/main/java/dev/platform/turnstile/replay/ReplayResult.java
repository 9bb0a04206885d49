package dev.platform.turnstile.replay;

import java.time.LocalDateTime;

/**
 * What a replay sent.
 *
 * @param lakeKey the week's lake file
 * @param messages messages acknowledged by the cluster
 * @param failed messages that could not be delivered
 * @param firstEvent the first message's event time
 * @param lastEvent the last message's event time
 * @param plan what the file gave and what was set aside (unknown intervals, duplicates)
 * @param seconds wall time of the sending
 */
public record ReplayResult(
    String lakeKey,
    long messages,
    long failed,
    LocalDateTime firstEvent,
    LocalDateTime lastEvent,
    String plan,
    double seconds) {}
