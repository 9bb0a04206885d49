package dev.platform.flink.turnstile;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by message ID: passes the first message with an ID and drops (and counts) the others seen
 * within the retention. The retention must outlast the allowed lateness, or a late duplicate could
 * be counted twice.
 */
public final class Deduplicator
    extends KeyedProcessFunction<String, TurnstileEvent, TurnstileEvent> {
  private final Duration retention;
  private transient ValueState<Boolean> seen;
  private transient JobCounter duplicatesDropped;

  public Deduplicator(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(retention)
            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    seen = getRuntimeContext().getState(descriptor);
    duplicatesDropped = JobCounter.register(getRuntimeContext(), JobMetrics.DUPLICATES_DROPPED);
  }

  @Override
  public void processElement(TurnstileEvent event, Context ctx, Collector<TurnstileEvent> out)
      throws Exception {
    if (seen.value() != null) {
      duplicatesDropped.inc();
      return;
    }
    seen.update(Boolean.TRUE);
    out.collect(event);
  }

  long duplicatesDropped() {
    return duplicatesDropped.count();
  }
}
