package dev.platform.flink.turnstile;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the messages that came later than the allowed lateness on their way to the late folder.
 */
public final class LateEventCounter extends ProcessFunction<TurnstileEvent, TurnstileEvent> {
  private transient JobCounter lateEvents;

  @Override
  public void open(OpenContext openContext) {
    lateEvents = JobCounter.register(getRuntimeContext(), JobMetrics.LATE_EVENTS);
  }

  @Override
  public void processElement(TurnstileEvent event, Context ctx, Collector<TurnstileEvent> out) {
    lateEvents.inc();
    out.collect(event);
  }
}
