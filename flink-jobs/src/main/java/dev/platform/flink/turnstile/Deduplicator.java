package dev.platform.flink.turnstile;

import java.time.Duration;
import java.util.Iterator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops messages sent again (same ID and TIMESTAMP) and counts them. The IDs are kept in keyed
 * state under the stream's key: the job keys by the window key, which a duplicate shares with its
 * original, so de-duplication and windows need one shuffle, not two.
 *
 * <p>Under a key, the IDs are grouped by their second of event time, each second a compact {@link
 * MessageIds} set: a duplicate carries its original's TIMESTAMP, so it is looked up in one small
 * set, and the sets being filled stay in the CPU's caches (one big set per key made every lookup a
 * cache miss). IDs are forgotten in event time, in buckets of a tenth of the retention (whole
 * seconds): one event-time timer per key and bucket, once the watermark has passed the bucket's end
 * by the retention, removes the bucket's seconds. So an ID is remembered while the watermark is
 * less than its event time plus the retention. The retention must outlast window and allowed
 * lateness, or a duplicate could still be counted in its window; longer, late duplicates are
 * counted as duplicates rather than written to the late folder twice. At the end of a bounded input
 * the final watermark clears the state.
 *
 * @param <K> the key of the stream
 */
public final class Deduplicator<K> extends KeyedProcessFunction<K, TurnstileEvent, TurnstileEvent> {
  private static final long SECOND = 1000;

  private final long retentionMillis;
  private final long bucketMillis;
  private transient MapState<Long, MessageIds> idsBySecond;
  private transient JobCounter duplicatesDropped;

  public Deduplicator(Duration retention) {
    this.retentionMillis = retention.toMillis();
    long tenth = Math.max(SECOND, retentionMillis / 10);
    this.bucketMillis = (tenth + SECOND - 1) / SECOND * SECOND;
  }

  @Override
  public void open(OpenContext openContext) {
    idsBySecond =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "ids-by-event-second",
                    LongSerializer.INSTANCE,
                    MessageIds.Serializer.INSTANCE));
    duplicatesDropped = JobCounter.register(getRuntimeContext(), JobMetrics.DUPLICATES_DROPPED);
  }

  @Override
  public void processElement(TurnstileEvent event, Context ctx, Collector<TurnstileEvent> out)
      throws Exception {
    long eventTime = EventTime.toMillis(event.eventTime());
    long second = Math.floorDiv(eventTime, SECOND) * SECOND;
    MessageIds ids = idsBySecond.get(second);
    if (ids == null) {
      ids = new MessageIds();
      long bucket = Math.floorDiv(eventTime, bucketMillis) * bucketMillis;
      ctx.timerService().registerEventTimeTimer(bucket + bucketMillis - 1 + retentionMillis);
    }
    if (!ids.add(event.id())) {
      duplicatesDropped.inc();
      return;
    }
    idsBySecond.put(second, ids);
    out.collect(event);
  }

  /** Removes the seconds of the bucket that expired, and any earlier ones. */
  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TurnstileEvent> out)
      throws Exception {
    long bucketEnd = timestamp + 1 - retentionMillis;
    Iterator<Long> seconds = idsBySecond.keys().iterator();
    while (seconds.hasNext()) {
      if (seconds.next() < bucketEnd) {
        seconds.remove();
      }
    }
    if (idsBySecond.isEmpty()) {
      idsBySecond.clear();
    }
  }

  long duplicatesDropped() {
    return duplicatesDropped.count();
  }
}
