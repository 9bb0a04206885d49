package dev.platform.core.turnstile;

/** A turnstile: control area, remote unit and subunit channel position. */
public record TurnstileId(String ca, String unit, String scp) {
  /** {@code CA|UNIT|SCP}, a stable key (Kafka message key, map key). */
  public String key() {
    return ca + "|" + unit + "|" + scp;
  }
}
