package dev.platform.flink.turnstile;

import java.time.Duration;
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
 * <p>Under a key, the IDs are grouped by event time in buckets of a tenth of the retention (a
 * duplicate carries its original's TIMESTAMP, so it is looked up in one bucket), each a compact
 * {@link MessageIds} set. A bucket is dropped whole by one event-time timer once the watermark has
 * passed its end by the retention: an ID is remembered while the watermark is less than its event
 * time plus the retention. The retention must outlast window and allowed lateness, or a duplicate
 * could still be counted in its window; longer, late duplicates are counted as duplicates rather
 * than written to the late folder twice. At the end of a bounded input the final watermark clears
 * the state.
 *
 * @param <K> the key of the stream
 */
public final class Deduplicator<K> extends KeyedProcessFunction<K, TurnstileEvent, TurnstileEvent> {
  private final long retentionMillis;
  private final long bucketMillis;
  private transient MapState<Long, MessageIds> idsByBucket;
  private transient JobCounter duplicatesDropped;

  public Deduplicator(Duration retention) {
    this.retentionMillis = retention.toMillis();
    this.bucketMillis = Math.max(Duration.ofSeconds(1).toMillis(), retentionMillis / 10);
  }

  @Override
  public void open(OpenContext openContext) {
    idsByBucket =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "ids-by-event-time", LongSerializer.INSTANCE, MessageIds.Serializer.INSTANCE));
    duplicatesDropped = JobCounter.register(getRuntimeContext(), JobMetrics.DUPLICATES_DROPPED);
  }

  @Override
  public void processElement(TurnstileEvent event, Context ctx, Collector<TurnstileEvent> out)
      throws Exception {
    long bucket = Math.floorDiv(EventTime.toMillis(event.eventTime()), bucketMillis) * bucketMillis;
    MessageIds ids = idsByBucket.get(bucket);
    if (ids == null) {
      ids = new MessageIds();
      ctx.timerService().registerEventTimeTimer(expiryOf(bucket));
    }
    if (!ids.add(event.id())) {
      duplicatesDropped.inc();
      return;
    }
    idsByBucket.put(bucket, ids);
    out.collect(event);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TurnstileEvent> out)
      throws Exception {
    idsByBucket.remove(timestamp - retentionMillis - bucketMillis + 1);
    if (idsByBucket.isEmpty()) {
      idsByBucket.clear();
    }
  }

  /** The watermark at which a bucket's IDs are forgotten: its last millisecond + the retention. */
  private long expiryOf(long bucket) {
    return bucket + bucketMillis - 1 + retentionMillis;
  }

  long duplicatesDropped() {
    return duplicatesDropped.count();
  }
}
