package dev.platform.kafka.produce;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Holds each message back until its time: at most {@code rate} messages a second since the start,
 * and, with a speedup, no earlier than its event time (relative to the first message's) divided by
 * the speedup.
 */
final class Pacer {
  private static final long MAX_PARK_NANOS = 100_000_000;
  private final double ratePerSecond;
  private final double speedup;
  private final long startNanos;
  private long paced;
  private LocalDateTime firstEvent;

  Pacer(double ratePerSecond, double speedup, long startNanos) {
    this.ratePerSecond = ratePerSecond;
    this.speedup = speedup;
    this.startNanos = startNanos;
  }

  /**
   * Waits until the message is due, or until {@code deadlineNanos} or {@code stop}, whichever is
   * first.
   */
  void await(TurnstileMessage message, long deadlineNanos, BooleanSupplier stop) {
    long due = startNanos;
    if (ratePerSecond > 0) {
      due = Math.max(due, startNanos + (long) (paced * 1e9 / ratePerSecond));
    }
    if (speedup > 0) {
      if (firstEvent == null) {
        firstEvent = message.timestamp();
      }
      long eventNanos = Duration.between(firstEvent, message.timestamp()).toNanos();
      due = Math.max(due, startNanos + (long) (eventNanos / speedup));
    }
    paced++;
    due = Math.min(due, deadlineNanos);
    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
      LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
      if (Thread.currentThread().isInterrupted() || stop.getAsBoolean()) {
        return;
      }
    }
  }
}
