package dev.platform.flink.turnstile;

import static dev.platform.flink.turnstile.TestMessages.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  private static final Duration RETENTION = Duration.ofMinutes(10);

  /** Keyed as in the job: by the window key, which a duplicate shares with its original. */
  private static KeyedOneInputStreamOperatorTestHarness<WindowKey, TurnstileEvent, TurnstileEvent>
      harness(Deduplicator<WindowKey> deduplicator) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        deduplicator, TurnstileEvent::key, TypeInformation.of(WindowKey.class));
  }

  @Test
  void passesTheFirstMessageOfAnIdAndDropsAndCountsTheRest() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    TurnstileEvent b = TestMessages.event("02-00-00", at("08:00:30"), 3, 4);
    Deduplicator<WindowKey> deduplicator = new Deduplicator<>(RETENTION);
    try (var harness = harness(deduplicator)) {
      harness.processElement(a, 1L);
      harness.processElement(b, 2L);
      harness.processElement(a, 3L);
      harness.processElement(a, 4L);
      assertEquals(List.of(a, b), harness.extractOutputValues());
      assertEquals(2, deduplicator.duplicatesDropped());
    }
  }

  @Test
  void forgetsIdsOnceTheWatermarkPassesTheirEventTimeByTheRetention() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    long eventTime = EventTime.toMillis(a.eventTime());
    try (var harness = harness(new Deduplicator<>(RETENTION))) {
      harness.processElement(a, eventTime);
      harness.processWatermark(eventTime + RETENTION.toMillis() - 1);
      harness.processElement(a, eventTime);
      assertEquals(1, harness.extractOutputValues().size());
      assertEquals(1, harness.numKeyedStateEntries());
      assertEquals(1, harness.numEventTimeTimers(), "one timer per key and bucket, not per id");
      // buckets are a tenth of the retention: gone by then
      harness.processWatermark(eventTime + RETENTION.toMillis() + RETENTION.toMillis() / 10);
      assertEquals(0, harness.numKeyedStateEntries(), "the timer removed the expired ids");
      harness.processElement(a, eventTime);
      assertEquals(2, harness.extractOutputValues().size());
    }
  }

  @Test
  void keepsManyIdsOfAKeyInOneBucketWithOneTimer() throws Exception {
    Deduplicator<WindowKey> deduplicator = new Deduplicator<>(RETENTION);
    List<TurnstileEvent> events = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      events.add(TestMessages.event("02-00-00", at("08:00:00"), i, 1));
    }
    try (var harness = harness(deduplicator)) {
      for (TurnstileEvent e : events) {
        harness.processElement(e, 1L);
      }
      for (int i = 0; i < events.size(); i += 3) {
        harness.processElement(events.get(i), 1L);
      }
      assertEquals(events, harness.extractOutputValues());
      assertEquals(334, deduplicator.duplicatesDropped());
      assertEquals(1, harness.numEventTimeTimers());
    }
  }

  @Test
  void remembersIdsAcrossARestoreFromACheckpoint() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    TurnstileEvent b = TestMessages.event("02-00-01", at("08:00:00"), 1, 2);
    OperatorSubtaskState snapshot;
    try (var harness = harness(new Deduplicator<>(RETENTION))) {
      harness.processElement(a, 1L);
      snapshot = harness.snapshot(1L, 10L);
    }
    Deduplicator<WindowKey> restored = new Deduplicator<>(RETENTION);
    try (var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(restored),
            TurnstileEvent::key,
            TypeInformation.of(WindowKey.class))) {
      harness.setup();
      harness.initializeState(snapshot);
      harness.open();
      harness.processElement(a, 2L);
      harness.processElement(b, 3L);
      assertEquals(List.of(b), harness.extractOutputValues());
      assertEquals(1, restored.duplicatesDropped());
    }
  }
}
