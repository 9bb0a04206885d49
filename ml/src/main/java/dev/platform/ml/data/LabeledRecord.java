package dev.platform.ml.data;

/**
 * A record from a training file with its 1-based line number and its target (1 = heart disease).
 */
public record LabeledRecord(long line, HeartRecord features, int label) {}
