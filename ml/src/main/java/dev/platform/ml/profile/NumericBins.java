package dev.platform.ml.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Half-open bins for a numeric field: bin {@code i} holds values in {@code [edges[i-1], edges[i])},
 * the first bin everything below {@code edges[0]} and the last everything from the last edge up.
 *
 * @param labels one more label than edges, naming the interval of each bin
 */
public record NumericBins(String field, List<Double> edges, List<String> labels) {

  /** The bins of the heart-disease file's numeric fields, by lower-case field name. */
  public static final Map<String, NumericBins> HEART =
      Map.of(
          "bmi",
          new NumericBins(
              "bmi",
              List.of(18.5, 25.0, 30.0, 35.0, 40.0),
              List.of("<18.5", "[18.5, 25)", "[25, 30)", "[30, 35)", "[35, 40)", ">=40")),
          "physicalhealth",
          healthDays("physicalhealth"),
          "mentalhealth",
          healthDays("mentalhealth"),
          "sleeptime",
          new NumericBins("sleeptime", List.of(6.0, 9.0), List.of("<6", "[6, 9)", ">=9")));

  public NumericBins {
    edges = List.copyOf(edges);
    labels = List.copyOf(labels);
    if (labels.size() != edges.size() + 1) {
      throw new IllegalArgumentException(
          "%s: %d edges need %d labels, got %d"
              .formatted(field, edges.size(), edges.size() + 1, labels.size()));
    }
    for (int i = 1; i < edges.size(); i++) {
      if (edges.get(i) <= edges.get(i - 1)) {
        throw new IllegalArgumentException(field + ": edges must increase: " + edges);
      }
    }
  }

  public static Optional<NumericBins> forField(String field) {
    return Optional.ofNullable(HEART.get(field));
  }

  /** Index of the bin holding the value. */
  public int binOf(double value) {
    int bin = 0;
    while (bin < edges.size() && value >= edges.get(bin)) {
      bin++;
    }
    return bin;
  }

  public String labelOf(double value) {
    return labels.get(binOf(value));
  }

  // Days of bad health in the last 30 days: whole numbers 0..30 in the CDC file.
  private static NumericBins healthDays(String field) {
    return new NumericBins(
        field,
        List.of(1.0, 8.0, 15.0, 30.0),
        List.of("0 [0, 1)", "1-7 [1, 8)", "8-14 [8, 15)", "15-29 [15, 30)", "30 [30, ...)"));
  }
}
