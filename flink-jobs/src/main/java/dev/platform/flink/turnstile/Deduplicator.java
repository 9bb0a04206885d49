package dev.platform.flink.turnstile;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops messages whose ID was seen within the retention, and counts them. The IDs are kept in keyed
 * state under the stream's key: the job keys by the window key, which a duplicate shares with its
 * original, so de-duplication and windows need one shuffle, not two. The retention must outlast the
 * allowed lateness, or a late duplicate could be counted twice.
 *
 * <p>IDs expire by processing-time timers, a few per key and retention, each removing the IDs older
 * than the retention: Flink's state TTL would scan a key's whole map on every access.
 *
 * @param <K> the key of the stream
 */
public final class Deduplicator<K> extends KeyedProcessFunction<K, TurnstileEvent, TurnstileEvent> {
  private final long retentionMillis;
  private final long sweepEveryMillis;
  private transient MapState<String, Long> seenAt;
  private transient JobCounter duplicatesDropped;

  public Deduplicator(Duration retention) {
    this.retentionMillis = retention.toMillis();
    this.sweepEveryMillis =
        Math.max(1, Math.max(Duration.ofMinutes(1).toMillis(), retentionMillis / 10));
  }

  @Override
  public void open(OpenContext openContext) {
    seenAt =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("seen-ids", Types.STRING, Types.LONG));
    duplicatesDropped = JobCounter.register(getRuntimeContext(), JobMetrics.DUPLICATES_DROPPED);
  }

  @Override
  public void processElement(TurnstileEvent event, Context ctx, Collector<TurnstileEvent> out)
      throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    Long seen = seenAt.get(event.id());
    if (seen != null && now - seen < retentionMillis) {
      duplicatesDropped.inc();
      return;
    }
    seenAt.put(event.id(), now);
    long expiry = now + retentionMillis;
    // rounded up, so that a key has at most about ten sweeps pending
    ctx.timerService()
        .registerProcessingTimeTimer((expiry / sweepEveryMillis + 1) * sweepEveryMillis);
    out.collect(event);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TurnstileEvent> out)
      throws Exception {
    Iterator<Map.Entry<String, Long>> ids = seenAt.iterator();
    while (ids.hasNext()) {
      if (timestamp - ids.next().getValue() >= retentionMillis) {
        ids.remove();
      }
    }
    if (seenAt.isEmpty()) {
      seenAt.clear();
    }
  }

  long duplicatesDropped() {
    return duplicatesDropped.count();
  }
}
