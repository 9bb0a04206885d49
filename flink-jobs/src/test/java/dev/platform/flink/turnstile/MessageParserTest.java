package dev.platform.flink.turnstile;

import static dev.platform.flink.turnstile.TestMessages.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.turnstile.TurnstileMessage;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class MessageParserTest {

  @Test
  void goodMessagesGoOnAndBadOnesBecomeDeadLettersWithTheirReason() throws Exception {
    TurnstileMessage good = TestMessages.message("02-00-00", at("08:00:00"), 12, 7, "id-1");
    String badCounts = good.format().replace(",12,7,", ",twelve,7,");
    String badTimestamp = good.format().replace("2024-01-06 08:00:00", "yesterday");
    MessageParser parser = new MessageParser();

    try (OneInputStreamOperatorTestHarness<String, TurnstileEvent> harness =
        ProcessFunctionTestHarnesses.forProcessFunction(parser)) {
      harness.processElement(good.format(), 1L);
      harness.processElement("not,a,message", 2L);
      harness.processElement(badCounts, 3L);
      harness.processElement(badTimestamp, 4L);
      harness.processElement("", 5L);

      assertEquals(List.of(TurnstileEvent.of(good, good.format())), harness.extractOutputValues());
      List<DeadLetter> dead =
          harness.getSideOutput(MessageParser.DEAD_LETTERS).stream()
              .map(StreamRecord::getValue)
              .toList();
      assertEquals(
          List.of("not,a,message", badCounts, badTimestamp, ""),
          dead.stream().map(DeadLetter::message).toList());
      assertTrue(dead.get(0).reason().contains("expected 13 fields"), dead.get(0).reason());
      assertTrue(
          dead.get(1).reason().startsWith("ENTRIES: not a whole number"), dead.get(1).reason());
      assertTrue(dead.get(2).reason().startsWith("TIMESTAMP"), dead.get(2).reason());
      assertEquals("empty message", dead.get(3).reason());
      assertEquals(5, parser.messagesIn());
      assertEquals(4, parser.deadLetters());
    }
  }

  @Test
  void theEventKeepsTheWindowKeyCountsAndRawLine() throws Exception {
    TurnstileMessage m = TestMessages.message("02-00-01", at("23:59:59"), 3, 4, "id-2");
    try (OneInputStreamOperatorTestHarness<String, TurnstileEvent> harness =
        ProcessFunctionTestHarnesses.forProcessFunction(new MessageParser())) {
      harness.processElement(m.format(), 1L);
      TurnstileEvent e = harness.extractOutputValues().get(0);
      assertEquals("id-2", e.id());
      assertEquals(
          new WindowKey("A002", "R051", "02-00-01", "59 ST", "NQR456W", "BMT", m.date(), "REGULAR"),
          e.key());
      assertEquals(3, e.entries());
      assertEquals(4, e.exits());
      assertEquals(at("23:59:59"), e.eventTime());
      assertEquals(m.format(), e.raw());
    }
  }
}
