package dev.platform.flink.turnstile;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Sums ENTRIES and EXITS of a window's messages incrementally (the window keeps two numbers). */
public final class TrafficSum
    implements AggregateFunction<TurnstileEvent, TrafficCounts, TrafficCounts> {
  @Override
  public TrafficCounts createAccumulator() {
    return TrafficCounts.ZERO;
  }

  @Override
  public TrafficCounts add(TurnstileEvent event, TrafficCounts sum) {
    return sum.plus(event.entries(), event.exits());
  }

  @Override
  public TrafficCounts getResult(TrafficCounts sum) {
    return sum;
  }

  @Override
  public TrafficCounts merge(TrafficCounts a, TrafficCounts b) {
    return a.plus(b.entries(), b.exits());
  }
}
