package dev.platform.ml.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RiskLabelTest {
  @Test
  void bandsMatchTheOriginalApi() {
    assertEquals(RiskLabel.NONE, RiskLabel.of(0.2999));
    assertEquals(RiskLabel.LOW, RiskLabel.of(0.3));
    assertEquals(RiskLabel.LOW, RiskLabel.of(0.4999));
    assertEquals(RiskLabel.MEDIUM, RiskLabel.of(0.5));
    assertEquals(RiskLabel.MEDIUM, RiskLabel.of(0.7499));
    assertEquals(RiskLabel.HIGH, RiskLabel.of(0.75));
    assertEquals("medium", RiskLabel.MEDIUM.id());
  }
}
