package dev.platform.flink.turnstile;

import static dev.platform.flink.turnstile.TestMessages.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
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
      harness.setProcessingTime(0);
      harness.processElement(a, 1L);
      harness.processElement(b, 2L);
      harness.processElement(a, 3L);
      harness.processElement(a, 4L);
      assertEquals(List.of(a, b), harness.extractOutputValues());
      assertEquals(2, deduplicator.duplicatesDropped());
    }
  }

  @Test
  void forgetsIdsAfterTheRetentionAndKeepsNoStateForThem() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    try (var harness = harness(new Deduplicator<>(RETENTION))) {
      harness.setProcessingTime(0);
      harness.processElement(a, 1L);
      harness.setProcessingTime(RETENTION.toMillis() - 1);
      harness.processElement(a, 2L);
      assertEquals(1, harness.extractOutputValues().size());
      assertEquals(1, harness.numKeyedStateEntries());
      harness.setProcessingTime(RETENTION.toMillis() + Duration.ofMinutes(2).toMillis());
      assertEquals(0, harness.numKeyedStateEntries(), "the sweep removed the expired id");
      harness.processElement(a, 3L);
      assertEquals(2, harness.extractOutputValues().size());
    }
  }

  @Test
  void remembersIdsAcrossARestoreFromACheckpoint() throws Exception {
    TurnstileEvent a = TestMessages.event("02-00-00", at("08:00:00"), 1, 2);
    TurnstileEvent b = TestMessages.event("02-00-01", at("08:00:00"), 1, 2);
    OperatorSubtaskState snapshot;
    try (var harness = harness(new Deduplicator<>(RETENTION))) {
      harness.setProcessingTime(0);
      harness.processElement(a, 1L);
      snapshot = harness.snapshot(1L, 10L);
    }
    Deduplicator<WindowKey> restored = new Deduplicator<>(RETENTION);
    try (var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(restored),
            TurnstileEvent::key,
            TypeInformation.of(WindowKey.class))) {
      harness.setProcessingTime(1);
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
