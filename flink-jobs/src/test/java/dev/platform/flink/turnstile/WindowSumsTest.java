package dev.platform.flink.turnstile;

import static dev.platform.flink.turnstile.TestMessages.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.platform.core.turnstile.StreamAggregate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The job's window stage (assigner, lateness, sums, emitter) as one operator in a test harness. */
class WindowSumsTest {

  private static KeyedOneInputStreamOperatorTestHarness<WindowKey, TurnstileEvent, StreamAggregate>
      harness(String... args) throws Exception {
    JobOptions options = JobOptions.parse(args, Map.of());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<TurnstileEvent> events =
        env.fromData(TestMessages.event("00-00-00", at("00:00:00"), 0, 0));
    @SuppressWarnings("unchecked")
    OneInputTransformation<TurnstileEvent, StreamAggregate> transformation =
        (OneInputTransformation<TurnstileEvent, StreamAggregate>)
            TurnstileAggregationJob.windows(events.keyBy(TurnstileEvent::key), options)
                .getTransformation();
    @SuppressWarnings("unchecked")
    TypeInformation<WindowKey> keyType =
        (TypeInformation<WindowKey>) transformation.getStateKeyType();
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<WindowKey, TurnstileEvent, StreamAggregate>(
            (OneInputStreamOperator<TurnstileEvent, StreamAggregate>) transformation.getOperator(),
            TurnstileEvent::key,
            keyType);
    harness.open();
    return harness;
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<WindowKey, TurnstileEvent, StreamAggregate> harness,
      TurnstileEvent event)
      throws Exception {
    harness.processElement(event, EventTime.toMillis(event.eventTime()));
  }

  private static void watermark(
      KeyedOneInputStreamOperatorTestHarness<WindowKey, TurnstileEvent, StreamAggregate> harness,
      LocalDateTime time)
      throws Exception {
    harness.processWatermark(new Watermark(EventTime.toMillis(time)));
  }

  private static String row(String scp, String start, String end, long entries, long exits) {
    return "A002,R051,"
        + scp
        + ",59 ST,NQR456W,BMT,2024-01-06,REGULAR,2024-01-06 "
        + start
        + ",2024-01-06 "
        + end
        + ","
        + entries
        + ","
        + exits;
  }

  private static List<String> rows(
      KeyedOneInputStreamOperatorTestHarness<WindowKey, TurnstileEvent, StreamAggregate> harness) {
    List<String> rows =
        harness.extractOutputValues().stream().map(StreamAggregate::format).toList();
    harness.getOutput().clear();
    return rows;
  }

  @Test
  void sumsEntriesAndExitsPerKeyInFiveMinuteTumblingWindowsOfLocalTime() throws Exception {
    try (var harness = harness()) {
      send(harness, TestMessages.event("02-00-00", at("08:00:10"), 3, 1));
      send(harness, TestMessages.event("02-00-00", at("08:04:59"), 2, 2));
      send(harness, TestMessages.event("02-00-01", at("08:01:00"), 1, 1));
      send(harness, TestMessages.event("02-00-00", at("08:05:00"), 5, 0));
      watermark(harness, at("08:04:59.998"));
      assertEquals(List.of(), rows(harness));
      watermark(harness, at("08:04:59.999"));
      assertEquals(
          List.of(
                  row("02-00-00", "08:00:00", "08:05:00", 5, 3),
                  row("02-00-01", "08:00:00", "08:05:00", 1, 1))
              .stream()
              .sorted()
              .toList(),
          rows(harness).stream().sorted().toList());
      watermark(harness, at("08:10:00"));
      assertEquals(List.of(row("02-00-00", "08:05:00", "08:10:00", 5, 0)), rows(harness));
    }
  }

  @Test
  void lateMessagesGoToTheSideOutputAndAreNotCounted() throws Exception {
    try (var harness = harness()) {
      send(harness, TestMessages.event("02-00-00", at("08:00:10"), 3, 1));
      watermark(harness, at("08:05:00"));
      assertEquals(List.of(row("02-00-00", "08:00:00", "08:05:00", 3, 1)), rows(harness));
      TurnstileEvent late = TestMessages.event("02-00-00", at("08:04:00"), 9, 9);
      send(harness, late);
      watermark(harness, at("09:00:00"));
      assertEquals(List.of(), rows(harness));
      assertEquals(
          List.of(late),
          harness.getSideOutput(TurnstileAggregationJob.LATE).stream()
              .map(StreamRecord::getValue)
              .toList());
    }
  }

  @Test
  void withinTheAllowedLatenessAWindowFiresAgainWithOnlyWhatWasAdded() throws Exception {
    try (var harness = harness("--allowed-lateness", "1m")) {
      send(harness, TestMessages.event("02-00-00", at("08:00:10"), 3, 1));
      watermark(harness, at("08:05:00"));
      assertEquals(List.of(row("02-00-00", "08:00:00", "08:05:00", 3, 1)), rows(harness));
      send(harness, TestMessages.event("02-00-00", at("08:04:00"), 4, 6));
      assertEquals(List.of(row("02-00-00", "08:00:00", "08:05:00", 4, 6)), rows(harness));
      watermark(harness, at("08:06:00"));
      TurnstileEvent tooLate = TestMessages.event("02-00-00", at("08:04:30"), 1, 1);
      send(harness, tooLate);
      watermark(harness, at("09:00:00"));
      assertEquals(List.of(), rows(harness));
      assertEquals(1, harness.getSideOutput(TurnstileAggregationJob.LATE).size());
    }
  }

  @Test
  void slidingWindowsCountAMessageInEveryWindowThatHoldsIt() throws Exception {
    try (var harness = harness("--window", "10m", "--slide", "5m")) {
      send(harness, TestMessages.event("02-00-00", at("08:07:00"), 2, 1));
      watermark(harness, at("08:20:00"));
      assertEquals(
          List.of(
              row("02-00-00", "08:00:00", "08:10:00", 2, 1),
              row("02-00-00", "08:05:00", "08:15:00", 2, 1)),
          rows(harness));
    }
  }
}
