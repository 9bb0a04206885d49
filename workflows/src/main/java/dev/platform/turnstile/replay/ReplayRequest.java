package dev.platform.turnstile.replay;

import java.time.LocalDate;

/**
 * @param saturday the week (its lake file must have been ingested)
 * @param speedup event time this many times faster than it happened (0: as fast as possible)
 */
public record ReplayRequest(LocalDate saturday, double speedup) {}
