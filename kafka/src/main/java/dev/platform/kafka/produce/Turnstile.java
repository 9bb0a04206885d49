package dev.platform.kafka.produce;

import dev.platform.core.turnstile.TurnstileId;
import dev.platform.core.turnstile.TurnstileReading;

/** A turnstile and where it is: what a message says besides its counts and times. */
public record Turnstile(
    String ca, String unit, String scp, String station, String linename, String division) {

  public static Turnstile of(TurnstileReading reading) {
    return new Turnstile(
        reading.ca(),
        reading.unit(),
        reading.scp(),
        reading.station(),
        reading.linename(),
        reading.division());
  }

  public TurnstileId id() {
    return new TurnstileId(ca, unit, scp);
  }
}
