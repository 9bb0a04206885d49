package dev.platform.ml.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.platform.ml.profile.HeartProfile.ClassCount;
import dev.platform.ml.profile.HeartProfile.FieldInformation;
import dev.platform.ml.profile.HeartProfile.RiskRow;
import dev.platform.ml.report.Charts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a {@link HeartProfile} as JSON, a markdown report and its charts. */
public final class ProfileWriter {
  public static final String JSON = "profile.json";
  public static final String MARKDOWN = "profile.md";
  public static final String CLASS_BALANCE_PNG = "class_balance.png";
  public static final String TOP_RISK_PNG = "top_risk.png";
  public static final String MUTUAL_INFORMATION_PNG = "mutual_information.png";

  private static final Logger LOG = LoggerFactory.getLogger(ProfileWriter.class);
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ProfileWriter() {}

  /** Writes the five profile files into {@code outDir}, creating it if needed. */
  public static void write(HeartProfile profile, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    MAPPER.writeValue(outDir.resolve(JSON).toFile(), profile);
    Files.writeString(outDir.resolve(MARKDOWN), markdown(profile), StandardCharsets.UTF_8);
    writeCharts(profile, outDir);
    LOG.info("wrote heart-disease profile to {}", outDir);
  }

  /** Reads a profile written by {@link #write}. */
  public static HeartProfile read(Path json) throws IOException {
    return MAPPER.readValue(json.toFile(), HeartProfile.class);
  }

  private static void writeCharts(HeartProfile profile, Path outDir) throws IOException {
    Charts.groupedBars(
        "Class balance (heart disease)",
        "rows",
        profile.classBalance().stream().map(ClassCount::label).toList(),
        Map.of("rows", profile.classBalance().stream().map(c -> (double) c.count()).toList()),
        outDir.resolve(CLASS_BALANCE_PNG));
    if (profile.topRisk().isEmpty()) {
      LOG.warn("no group has {} rows or more; top risk chart is empty", profile.minGroupSize());
    }
    Charts.horizontalRanking(
        "Top %d risk values (groups of %d+ rows)"
            .formatted(HeartProfile.TOP_RISK_SIZE, profile.minGroupSize()),
        "risk (group positive rate / overall positive rate)",
        orPlaceholder(profile.topRisk().stream().map(ProfileWriter::rowLabel).toList()),
        orZero(profile.topRisk().stream().map(RiskRow::risk).toList()),
        outDir.resolve(TOP_RISK_PNG));
    Charts.horizontalRanking(
        "Mutual information with heart disease",
        "mutual information (nats)",
        profile.mutualInformation().stream().map(FieldInformation::feature).toList(),
        profile.mutualInformation().stream().map(FieldInformation::mutualInformation).toList(),
        outDir.resolve(MUTUAL_INFORMATION_PNG));
  }

  private static List<String> orPlaceholder(List<String> labels) {
    return labels.isEmpty() ? List.of("(no group large enough)") : labels;
  }

  private static List<Double> orZero(List<Double> values) {
    return values.isEmpty() ? List.of(0.0) : values;
  }

  private static String rowLabel(RiskRow row) {
    return row.feature() + " = " + row.value();
  }

  static String markdown(HeartProfile profile) {
    StringBuilder md = new StringBuilder();
    md.append("# Heart-disease data profile\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%,d rows, %,d with heart disease (%.2f%%).\n\n",
            profile.rows(),
            profile.positives(),
            100 * profile.positiveRate()));

    md.append("## Class balance\n\n");
    md.append("| heart disease | rows | share |\n|---|---:|---:|\n");
    for (ClassCount count : profile.classBalance()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.2f%% |\n",
              count.label(),
              count.count(),
              100 * count.share()));
    }
    md.append("\n![class balance](").append(CLASS_BALANCE_PNG).append(")\n\n");

    md.append("## Top ").append(HeartProfile.TOP_RISK_SIZE).append(" risk values\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Groups of at least %,d rows with the highest risk (positive rate of the group divided"
                + " by the overall rate).\n\n",
            profile.minGroupSize()));
    riskTable(md, profile.topRisk());
    md.append("\n![top risk values](").append(TOP_RISK_PNG).append(")\n\n");

    md.append("## Mutual information\n\n");
    md.append("| feature | mutual information (nats) |\n|---|---:|\n");
    for (FieldInformation field : profile.mutualInformation()) {
      md.append(
          String.format(
              Locale.ROOT, "| %s | %.5f |\n", field.feature(), field.mutualInformation()));
    }
    md.append("\n![mutual information](").append(MUTUAL_INFORMATION_PNG).append(")\n\n");

    md.append("## Notes\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Groups with fewer than %,d rows are marked small and left out of the top risk"
                + " values; their rates are too noisy to rank. Values no row has are not listed.\n",
            profile.minGroupSize()));
    md.append(
        "- difference = group positive rate - overall rate; ratio = group odds / overall odds;"
            + " risk = group positive rate / overall rate.\n");
    md.append(
        "- Mutual information uses natural logarithms (nats), as scikit-learn's"
            + " `mutual_info_score`; numeric fields are binned first.\n");
    md.append(
        "- Numeric fields are binned in half-open intervals `[low, high)`: a value equal to a"
            + " bin's upper edge falls in the next bin.\n");
    profile
        .numericBins()
        .forEach(
            (field, labels) ->
                md.append("  - ")
                    .append(field)
                    .append(": ")
                    .append(String.join(", ", labels))
                    .append('\n'));

    md.append("\n## Full risk table\n\n");
    riskTable(md, profile.riskTable());
    return md.toString();
  }

  private static void riskTable(StringBuilder md, List<RiskRow> rows) {
    md.append("| feature | value | rows | positive % | difference | ratio | risk | small |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
    for (RiskRow row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %.2f | %+.4f | %.3f | %.3f | %s |\n",
              row.feature(),
              escape(row.value()),
              row.count(),
              row.percentage(),
              row.difference(),
              row.ratio(),
              row.risk(),
              row.smallGroup() ? "yes" : ""));
    }
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
