package dev.platform.kafka.produce;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * An endless stream of messages over real turnstiles, as the original producer made: each message
 * is one turnstile's entries and exits since its previous message, stamped with the current New
 * York time, with a random UUID.
 */
public final class SyntheticMessages implements Iterator<TurnstileMessage> {
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final int MAX_ENTRIES = 30;
  private static final int MAX_EXITS = 25;

  private final List<Turnstile> turnstiles;
  private final Clock clock;
  private final Random random;

  public SyntheticMessages(List<Turnstile> turnstiles, Clock clock, Random random) {
    if (turnstiles.isEmpty()) {
      throw new IllegalArgumentException("synthetic messages need at least one turnstile");
    }
    this.turnstiles = List.copyOf(turnstiles);
    this.clock = clock;
    this.random = random;
  }

  /** Messages stamped with the New York wall clock. */
  public SyntheticMessages(List<Turnstile> turnstiles) {
    this(turnstiles, Clock.system(NEW_YORK), new Random());
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public TurnstileMessage next() {
    Turnstile turnstile = turnstiles.get(random.nextInt(turnstiles.size()));
    LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    return new TurnstileMessage(
        turnstile.ca(),
        turnstile.unit(),
        turnstile.scp(),
        turnstile.station(),
        turnstile.linename(),
        turnstile.division(),
        now.toLocalDate(),
        now.toLocalTime(),
        "REGULAR",
        random.nextInt(MAX_ENTRIES + 1),
        random.nextInt(MAX_EXITS + 1),
        randomUuid().toString(),
        now);
  }

  /** A version-4 UUID from this source's random numbers (faster than SecureRandom's). */
  private UUID randomUuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }
}
