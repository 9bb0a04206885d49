package dev.platform.ml.profile;

import dev.platform.ml.data.FieldSpec;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.profile.HeartProfile.ClassCount;
import dev.platform.ml.profile.HeartProfile.FieldInformation;
import dev.platform.ml.profile.HeartProfile.RiskRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link HeartProfile} from labelled records. */
public final class HeartProfiler {
  private static final Logger LOG = LoggerFactory.getLogger(HeartProfiler.class);

  private HeartProfiler() {}

  /** Groups smaller than this are too noisy to rank: 100 rows, or 0.5% of a large file. */
  public static int defaultMinGroupSize(int rows) {
    return Math.max(100, rows / 200);
  }

  /**
   * Profiles the records against the target.
   *
   * @throws IllegalArgumentException when the records do not hold both classes, as rates relative
   *     to the overall rate are then undefined
   */
  public static HeartProfile profile(List<LabeledRecord> records, int minGroupSize) {
    long rows = records.size();
    long positives = records.stream().filter(record -> record.label() == 1).count();
    if (positives == 0 || positives == rows) {
      throw new IllegalArgumentException(
          "profiling needs rows of both classes; got %d rows, %d positive"
              .formatted(rows, positives));
    }
    double overallRate = (double) positives / rows;
    List<ClassCount> classBalance =
        List.of(
            new ClassCount("No", rows - positives, (double) (rows - positives) / rows),
            new ClassCount("Yes", positives, overallRate));

    List<RiskRow> riskTable = new ArrayList<>();
    List<FieldInformation> information = new ArrayList<>();
    Map<String, List<String>> numericBins = new LinkedHashMap<>();
    Contingency.ValueIndexer[] indexers = new Contingency.ValueIndexer[HeartSchema.FIELD_COUNT];
    int[] valueCounts = new int[HeartSchema.FIELD_COUNT];
    for (int field = 0; field < HeartSchema.FIELD_COUNT; field++) {
      FieldSpec spec = HeartSchema.FIELDS.get(field);
      indexers[field] = valueIndexer(spec);
      valueCounts[field] = valueNames(spec).size();
    }
    Contingency[] tables = Contingency.ofAll(records, indexers, valueCounts);
    for (int field = 0; field < HeartSchema.FIELD_COUNT; field++) {
      FieldSpec spec = HeartSchema.FIELDS.get(field);
      List<String> values = valueNames(spec);
      if (spec.kind() == FieldSpec.Kind.NUMBER) {
        numericBins.put(spec.name(), values);
      }
      Contingency table = tables[field];
      information.add(new FieldInformation(spec.name(), table.mutualInformation()));
      for (int value = 0; value < values.size(); value++) {
        long count = table.count(value);
        if (count > 0) {
          riskTable.add(
              riskRow(
                  spec.name(),
                  values.get(value),
                  count,
                  table.positives(value),
                  overallRate,
                  minGroupSize));
        }
      }
    }
    information.sort(Comparator.comparingDouble(FieldInformation::mutualInformation).reversed());
    List<RiskRow> topRisk =
        riskTable.stream()
            .filter(row -> !row.smallGroup())
            .sorted(Comparator.comparingDouble(RiskRow::risk).reversed())
            .limit(HeartProfile.TOP_RISK_SIZE)
            .toList();
    LOG.info(
        "profiled {} rows ({} positive, {} risk rows, min group size {})",
        rows,
        positives,
        riskTable.size(),
        minGroupSize);
    return new HeartProfile(
        rows,
        positives,
        overallRate,
        classBalance,
        List.copyOf(riskTable),
        topRisk,
        List.copyOf(information),
        minGroupSize,
        numericBins);
  }

  static RiskRow riskRow(
      String feature,
      String value,
      long count,
      long positives,
      double overallRate,
      int minGroupSize) {
    double rate = (double) positives / count;
    return new RiskRow(
        feature,
        value,
        count,
        100 * rate,
        rate - overallRate,
        odds(rate) / odds(overallRate),
        rate / overallRate,
        count < minGroupSize);
  }

  private static double odds(double rate) {
    return rate == 1 ? Double.POSITIVE_INFINITY : rate / (1 - rate);
  }

  /** Level names for Yes/No and categorical fields, bin labels for numeric ones. */
  private static List<String> valueNames(FieldSpec spec) {
    return spec.kind() == FieldSpec.Kind.NUMBER ? binsOf(spec).labels() : spec.levels();
  }

  private static Contingency.ValueIndexer valueIndexer(FieldSpec spec) {
    if (spec.kind() == FieldSpec.Kind.NUMBER) {
      NumericBins bins = binsOf(spec);
      return bins::binOf;
    }
    return value -> (int) value;
  }

  private static NumericBins binsOf(FieldSpec spec) {
    return NumericBins.forField(spec.name())
        .orElseThrow(() -> new IllegalStateException("no bins defined for " + spec.name()));
  }
}
