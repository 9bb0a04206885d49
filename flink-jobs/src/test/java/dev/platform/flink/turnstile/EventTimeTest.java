package dev.platform.flink.turnstile;

import static dev.platform.flink.turnstile.TestMessages.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class EventTimeTest {

  @Test
  void naiveLocalTimeRoundTripsThroughEpochMillis() {
    assertEquals(0L, EventTime.toMillis(java.time.LocalDateTime.parse("1970-01-01T00:00:00")));
    assertEquals(at("08:05:00"), EventTime.toLocalTime(EventTime.toMillis(at("08:05:00"))));
    assertEquals(at("08:04:59.999"), EventTime.toLocalTime(EventTime.toMillis(at("08:05:00")) - 1));
  }

  @Test
  void theTimestampComesFromTheLastFieldOrTheFullCodecOrNowhere() {
    String line = TestMessages.line("02-00-00", at("08:00:01"), 1, 2);
    long expected = EventTime.toMillis(at("08:00:01"));
    assertEquals(expected, MessageTimestamps.eventTimeOf(line));
    assertEquals(expected, MessageTimestamps.eventTimeOf(line + " "));
    String quoted = line.replace("2024-01-06 08:00:01", "\"2024-01-06 08:00:01\"");
    assertEquals(expected, MessageTimestamps.eventTimeOf(quoted));
    assertEquals(Long.MIN_VALUE, MessageTimestamps.eventTimeOf("a,b,c"));
    assertEquals(Long.MIN_VALUE, MessageTimestamps.eventTimeOf("a,b,2024-02-30 08:00:00"));
    assertEquals(Long.MIN_VALUE, MessageTimestamps.eventTimeOf("a,b,2024-01-06 24:00:00"));
    assertEquals(Long.MIN_VALUE, MessageTimestamps.eventTimeOf("a,b,2024-01-06T08:00:00"));
    assertEquals(Long.MIN_VALUE, MessageTimestamps.eventTimeOf("a,b,2024-01-0x 08:00:00"));
    assertEquals(Long.MIN_VALUE, MessageTimestamps.eventTimeOf(""));
  }

  @Test
  void watermarksFollowTheNewestEventAtOnceAndNeverGoBack() {
    List<Long> emitted = new ArrayList<>();
    WatermarkOutput output =
        new WatermarkOutput() {
          @Override
          public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
          }

          @Override
          public void markIdle() {}

          @Override
          public void markActive() {}
        };
    EventTimeWatermarks<String> watermarks = new EventTimeWatermarks<>(Duration.ofSeconds(30));
    watermarks.onEvent("a", 100_000, output);
    watermarks.onEvent("b", 90_000, output);
    watermarks.onEvent("c", 100_000, output);
    watermarks.onEvent("d", 160_000, output);
    assertEquals(List.of(69_999L, 129_999L), emitted);
    watermarks.onPeriodicEmit(output);
    assertEquals(129_999L, emitted.get(emitted.size() - 1));
  }
}
