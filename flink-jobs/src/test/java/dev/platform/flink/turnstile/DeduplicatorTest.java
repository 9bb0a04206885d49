package dev.platform.flink.turnstile;

import static dev.platform.flink.turnstile.TestMessages.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
  private static final Duration RETENTION = Duration.ofMinutes(10);

  private static KeyedOneInputStreamOperatorTestHarness<String, TurnstileEvent, TurnstileEvent>
      harness(Deduplicator deduplicator) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        deduplicator, TurnstileEvent::id, Types.STRING);
  }

  @Test
  void passesTheFirstMessageOfAnIdAndDropsAndCountsTheRest() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    TurnstileEvent b = TestMessages.event("02-00-00", at("08:00:30"), 3, 4);
    Deduplicator deduplicator = new Deduplicator(RETENTION);
    try (var harness = harness(deduplicator)) {
      harness.setStateTtlProcessingTime(0);
      harness.processElement(a, 1L);
      harness.processElement(b, 2L);
      harness.processElement(a, 3L);
      harness.processElement(a, 4L);
      assertEquals(List.of(a, b), harness.extractOutputValues());
      assertEquals(2, deduplicator.duplicatesDropped());
    }
  }

  @Test
  void forgetsIdsAfterTheRetention() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    try (var harness = harness(new Deduplicator(RETENTION))) {
      harness.setStateTtlProcessingTime(0);
      harness.processElement(a, 1L);
      harness.setStateTtlProcessingTime(RETENTION.toMillis() - 1);
      harness.processElement(a, 2L);
      assertEquals(1, harness.extractOutputValues().size());
      harness.setStateTtlProcessingTime(RETENTION.toMillis() + 1);
      harness.processElement(a, 3L);
      assertEquals(2, harness.extractOutputValues().size());
    }
  }

  @Test
  void remembersIdsAcrossARestoreFromACheckpoint() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    TurnstileEvent b = TestMessages.event("02-00-01", at("08:00:00"), 1, 2);
    OperatorSubtaskState snapshot;
    try (var harness = harness(new Deduplicator(RETENTION))) {
      harness.setStateTtlProcessingTime(0);
      harness.processElement(a, 1L);
      snapshot = harness.snapshot(1L, 10L);
    }
    Deduplicator restored = new Deduplicator(RETENTION);
    try (var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(restored), TurnstileEvent::id, Types.STRING)) {
      harness.setStateTtlProcessingTime(1);
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
