package dev.platform.ml.predict;

import java.util.Locale;

/** The original API's risk bands: none below 0.3, low below 0.5, medium below 0.75, else high. */
public enum RiskLabel {
  NONE,
  LOW,
  MEDIUM,
  HIGH;

  public static RiskLabel of(double riskScore) {
    if (riskScore < 0.3) {
      return NONE;
    }
    if (riskScore < 0.5) {
      return LOW;
    }
    return riskScore < 0.75 ? MEDIUM : HIGH;
  }

  /** Lower-case name, as the API and files write it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
