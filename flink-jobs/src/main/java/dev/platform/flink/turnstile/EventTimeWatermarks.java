package dev.platform.flink.turnstile;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks (the newest event time seen minus the bound) that are emitted
 * as soon as they advance, not only on the periodic tick. Which messages count as late then depends
 * only on the order of the messages in a partition, not on how fast they were read, so a replay
 * gives the same windows as the live stream. Event time advances in steps (one per second live, one
 * per interval in a replay), so this adds few watermarks.
 */
public final class EventTimeWatermarks<T> implements WatermarkGenerator<T> {
  private final long outOfOrdernessMillis;
  private long maxTimestamp;
  private long emitted = Long.MIN_VALUE;

  public EventTimeWatermarks(Duration outOfOrderness) {
    this.outOfOrdernessMillis = outOfOrderness.toMillis();
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    if (eventTimestamp > maxTimestamp) {
      maxTimestamp = eventTimestamp;
      long watermark = current();
      if (watermark > emitted) {
        emitted = watermark;
        output.emitWatermark(new Watermark(watermark));
      }
    }
  }

  /** Always emits, also an unchanged watermark: that marks a split active again after idleness. */
  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    emitted = current();
    output.emitWatermark(new Watermark(emitted));
  }

  private long current() {
    return maxTimestamp - outOfOrdernessMillis - 1;
  }
}
