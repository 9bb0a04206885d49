package dev.platform.ml.profile;

import java.util.List;
import java.util.Map;

/**
 * What the heart-disease training data looks like with respect to the target: class balance, a risk
 * table per input value, the highest-risk values and a mutual-information ranking of fields.
 *
 * @param positiveRate share of rows with heart disease, 0..1
 * @param riskTable one row per field value that occurs, fields in schema order, values in level or
 *     bin order
 * @param topRisk the highest-risk rows of groups with at least {@code minGroupSize} rows
 * @param mutualInformation every field (numeric ones binned) by mutual information with the target,
 *     highest first
 * @param numericBins the bin labels used for each numeric field
 */
public record HeartProfile(
    long rows,
    long positives,
    double positiveRate,
    List<ClassCount> classBalance,
    List<RiskRow> riskTable,
    List<RiskRow> topRisk,
    List<FieldInformation> mutualInformation,
    int minGroupSize,
    Map<String, List<String>> numericBins) {

  public static final int TOP_RISK_SIZE = 15;

  /** Rows of one target class. */
  public record ClassCount(String label, long count, double share) {}

  /**
   * The rows having one value of one field.
   *
   * @param percentage positive rate of the group, in percent
   * @param difference positive rate of the group minus the overall positive rate, both 0..1
   * @param ratio odds of the group divided by the overall odds; infinite when every row of the
   *     group is positive
   * @param risk positive rate of the group divided by the overall positive rate
   * @param smallGroup whether the group has fewer than {@code minGroupSize} rows, so its numbers
   *     are noisy
   */
  public record RiskRow(
      String feature,
      String value,
      long count,
      double percentage,
      double difference,
      double ratio,
      double risk,
      boolean smallGroup) {}

  /** Mutual information between a field and the target, in nats. */
  public record FieldInformation(String feature, double mutualInformation) {}
}
