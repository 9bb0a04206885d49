package dev.platform.kafka.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyntheticMessagesTest {

  @Test
  void messagesAreInTheOriginalFormatOverTheGivenTurnstiles() {
    List<Turnstile> turnstiles = KnownTurnstiles.first(KnownTurnstiles.SAMPLE, 3);
    Clock clock = Clock.fixed(Instant.parse("2024-01-06T13:00:05Z"), SyntheticMessages.NEW_YORK);
    SyntheticMessages messages = new SyntheticMessages(turnstiles, clock, new Random(7));
    Set<String> keys = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      TurnstileMessage message = messages.next();
      String line = message.format();
      assertEquals(13, line.split(",", -1).length, line);
      assertTrue(line.contains(",01-06-24,08:00:05,REGULAR,"), line);
      assertTrue(line.endsWith(",2024-01-06 08:00:05"), line);
      assertEquals(message, TurnstileMessage.parse(line).get());
      assertEquals(LocalDateTime.of(2024, 1, 6, 8, 0, 5), message.timestamp());
      assertTrue(message.entries() >= 0 && message.entries() <= 30);
      assertEquals(4, UUID.fromString(message.id()).version());
      keys.add(message.turnstile().key());
      ids.add(message.id());
    }
    assertEquals(Set.of("A002|R051|02-00-00", "B009|R411|00-00-00", "D011|R394|01-06-01"), keys);
    assertEquals(300, ids.size());
  }
}
