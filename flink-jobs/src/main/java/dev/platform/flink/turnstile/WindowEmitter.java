package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.StreamAggregate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a window's sums into a {@link StreamAggregate} row with the window bounds in local time.
 *
 * <p>Rows are additive: the first firing of a window writes its sums; a later firing (a message
 * that arrived within the allowed lateness) writes only what it added. So the traffic of a key and
 * window is always the SUM of its rows, and files are append-only, which is what an incremental
 * warehouse load needs.
 */
public final class WindowEmitter
    extends ProcessWindowFunction<TrafficCounts, StreamAggregate, WindowKey, TimeWindow> {
  private transient ValueStateDescriptor<TrafficCounts> emittedDescriptor;
  private transient JobCounter aggregatesOut;

  @Override
  public void open(OpenContext openContext) {
    emittedDescriptor = new ValueStateDescriptor<>("emitted", TrafficCounts.class);
    aggregatesOut = JobCounter.register(getRuntimeContext(), JobMetrics.AGGREGATES_OUT);
  }

  @Override
  public void process(
      WindowKey key, Context context, Iterable<TrafficCounts> sums, Collector<StreamAggregate> out)
      throws Exception {
    TrafficCounts total = sums.iterator().next();
    ValueState<TrafficCounts> emitted = context.windowState().getState(emittedDescriptor);
    TrafficCounts before = emitted.value();
    TrafficCounts added = before == null ? total : total.minus(before);
    if (before != null && added.isZero()) {
      return;
    }
    emitted.update(total);
    TimeWindow window = context.window();
    out.collect(
        new StreamAggregate(
            key.ca(),
            key.unit(),
            key.scp(),
            key.station(),
            key.linename(),
            key.division(),
            key.date(),
            key.desc(),
            EventTime.toLocalTime(window.getStart()),
            EventTime.toLocalTime(window.getEnd()),
            added.entries(),
            added.exits()));
    aggregatesOut.inc();
  }

  @Override
  public void clear(Context context) throws Exception {
    context.windowState().getState(emittedDescriptor).clear();
  }

  long aggregatesOut() {
    return aggregatesOut.count();
  }
}
