package dev.platform.ml.predict;

/**
 * A calibrated risk score (a probability), its band, and the decision at the bundle's threshold.
 */
public record RiskPrediction(double riskScore, RiskLabel riskLabel, int prediction) {}
