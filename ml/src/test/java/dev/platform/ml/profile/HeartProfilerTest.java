package dev.platform.ml.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.profile.HeartProfile.FieldInformation;
import dev.platform.ml.profile.HeartProfile.RiskRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartProfilerTest {
  private static final double EPS = 1e-9;

  /**
   * 20 rows, rows 0-5 positive (overall rate 0.3). Smoking: rows 0-3 and 6-9 (8 rows, 4 positive).
   * Sex: half of each class is male, so it is independent of the target. Stroke equals the target.
   * BMI 24.99 in row 0 and 25.0 in row 1, 22 elsewhere. Kidney disease only in row 0.
   */
  private static List<LabeledRecord> sample() {
    List<LabeledRecord> records = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int label = i < 6 ? 1 : 0;
      double[] values = defaults();
      set(values, "smoking", i < 4 || (i >= 6 && i < 10) ? 1 : 0);
      set(values, "sex", (i >= 3 && i < 6) || i >= 13 ? 1 : 0);
      set(values, "stroke", label);
      set(values, "bmi", i == 0 ? 24.99 : i == 1 ? 25.0 : 22);
      set(values, "kidneydisease", i == 0 ? 1 : 0);
      records.add(new LabeledRecord(i + 2, new HeartRecord(values), label));
    }
    return records;
  }

  private static double[] defaults() {
    double[] values = new double[HeartSchema.FIELD_COUNT];
    set(values, "bmi", 22);
    set(values, "sleeptime", 7);
    return values;
  }

  private static void set(double[] values, String field, double value) {
    values[HeartSchema.indexOf(field).orElseThrow()] = value;
  }

  private static RiskRow row(HeartProfile profile, String feature, String value) {
    return profile.riskTable().stream()
        .filter(r -> r.feature().equals(feature) && r.value().equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no risk row " + feature + "=" + value));
  }

  private static double information(HeartProfile profile, String feature) {
    return profile.mutualInformation().stream()
        .filter(f -> f.feature().equals(feature))
        .findFirst()
        .orElseThrow()
        .mutualInformation();
  }

  @Test
  void countsClassBalance() {
    HeartProfile profile = HeartProfiler.profile(sample(), 5);

    assertEquals(20, profile.rows());
    assertEquals(6, profile.positives());
    assertEquals(0.3, profile.positiveRate(), EPS);
    assertEquals("No", profile.classBalance().get(0).label());
    assertEquals(14, profile.classBalance().get(0).count());
    assertEquals(0.7, profile.classBalance().get(0).share(), EPS);
    assertEquals("Yes", profile.classBalance().get(1).label());
    assertEquals(6, profile.classBalance().get(1).count());
  }

  @Test
  void computesRiskDifferenceAndRatioOfAGroup() {
    RiskRow smokers = row(HeartProfiler.profile(sample(), 5), "smoking", "Yes");

    // 4 of 8 smokers are positive: rate 0.5 against 0.3 overall.
    assertEquals(8, smokers.count());
    assertEquals(50.0, smokers.percentage(), EPS);
    assertEquals(0.2, smokers.difference(), EPS);
    assertEquals(0.5 / 0.3, smokers.risk(), EPS);
    assertEquals((0.5 / 0.5) / (0.3 / 0.7), smokers.ratio(), EPS);
    assertFalse(smokers.smallGroup());

    RiskRow nonSmokers = row(HeartProfiler.profile(sample(), 5), "smoking", "No");
    assertEquals(12, nonSmokers.count());
    assertEquals(100.0 * 2 / 12, nonSmokers.percentage(), EPS);
  }

  @Test
  void mutualInformationIsZeroForIndependentAndEntropyForIdenticalFeature() {
    HeartProfile profile = HeartProfiler.profile(sample(), 5);
    double targetEntropy = -(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7));

    assertEquals(0.0, information(profile, "sex"), 1e-12);
    assertEquals(targetEntropy, information(profile, "stroke"), 1e-12);
    // joint counts smoking/label: Yes/1 4, Yes/0 4, No/1 2, No/0 10 (checked against a by-hand sum)
    assertEquals(0.06326870451113259, information(profile, "smoking"), 1e-12);
    // a field with a single value carries no information
    assertEquals(0.0, information(profile, "asthma"), 1e-12);
  }

  @Test
  void ranksMutualInformationOfEveryFieldDescending() {
    HeartProfile profile = HeartProfiler.profile(sample(), 5);
    List<FieldInformation> ranking = profile.mutualInformation();

    assertEquals(HeartSchema.FIELD_COUNT, ranking.size());
    assertEquals("stroke", ranking.get(0).feature());
    for (int i = 1; i < ranking.size(); i++) {
      assertTrue(ranking.get(i - 1).mutualInformation() >= ranking.get(i).mutualInformation());
    }
    assertTrue(ranking.stream().anyMatch(f -> f.feature().equals("bmi")));
  }

  @Test
  void binsNumericFieldsInHalfOpenIntervals() {
    HeartProfile profile = HeartProfiler.profile(sample(), 5);

    // 24.99 stays below the 25 edge, 25.0 starts the next bin
    assertEquals(19, row(profile, "bmi", "[18.5, 25)").count());
    assertEquals(1, row(profile, "bmi", "[25, 30)").count());
    assertEquals(20, row(profile, "sleeptime", "[6, 9)").count());
    assertEquals(20, row(profile, "physicalhealth", "0 [0, 1)").count());
    assertTrue(profile.riskTable().stream().noneMatch(r -> r.value().equals("22.0")));

    NumericBins bmi = NumericBins.HEART.get("bmi");
    assertEquals("<18.5", bmi.labelOf(18.49));
    assertEquals("[18.5, 25)", bmi.labelOf(18.5));
    assertEquals("[35, 40)", bmi.labelOf(39.99));
    assertEquals(">=40", bmi.labelOf(40));
    NumericBins days = NumericBins.HEART.get("mentalhealth");
    assertEquals("1-7 [1, 8)", days.labelOf(7));
    assertEquals("8-14 [8, 15)", days.labelOf(8));
    assertEquals("15-29 [15, 30)", days.labelOf(29));
    assertEquals("30 [30, ...)", days.labelOf(30));
    NumericBins sleep = NumericBins.HEART.get("sleeptime");
    assertEquals("<6", sleep.labelOf(5.5));
    assertEquals(">=9", sleep.labelOf(9));
  }

  @Test
  void listsCategoricalValuesByLevelName() {
    HeartProfile profile = HeartProfiler.profile(sample(), 5);

    assertEquals(10, row(profile, "sex", "Female").count());
    assertEquals(10, row(profile, "sex", "Male").count());
    assertEquals(20, row(profile, "agecategory", "18-24").count());
    // levels that no row has are not listed
    assertTrue(
        profile.riskTable().stream()
            .noneMatch(r -> r.feature().equals("agecategory") && r.value().equals("25-29")));
  }

  @Test
  void leavesSmallGroupsOutOfTopRisk() {
    HeartProfile profile = HeartProfiler.profile(sample(), 5);
    RiskRow kidney = row(profile, "kidneydisease", "Yes");

    assertEquals(1, kidney.count());
    assertTrue(kidney.smallGroup());
    assertEquals(Double.POSITIVE_INFINITY, kidney.ratio());
    assertFalse(profile.topRisk().isEmpty());
    assertTrue(profile.topRisk().size() <= HeartProfile.TOP_RISK_SIZE);
    assertTrue(kidney.risk() >= profile.topRisk().get(0).risk());
    assertFalse(profile.topRisk().contains(kidney));
    assertTrue(profile.topRisk().stream().allMatch(r -> r.count() >= 5 && !r.smallGroup()));
    for (int i = 1; i < profile.topRisk().size(); i++) {
      assertTrue(profile.topRisk().get(i - 1).risk() >= profile.topRisk().get(i).risk());
    }
    assertEquals("stroke", profile.topRisk().get(0).feature());
    assertEquals(5, profile.minGroupSize());

    HeartProfile everyGroup = HeartProfiler.profile(sample(), 1);
    assertTrue(
        everyGroup.topRisk().stream()
            .anyMatch(r -> r.feature().equals("kidneydisease") && r.value().equals("Yes")));
  }

  @Test
  void defaultMinGroupSizeIsAtLeastHundred() {
    assertEquals(100, HeartProfiler.defaultMinGroupSize(0));
    assertEquals(100, HeartProfiler.defaultMinGroupSize(20_000));
    assertEquals(1_598, HeartProfiler.defaultMinGroupSize(319_795));
  }

  @Test
  void refusesDataWithOneClass() {
    List<LabeledRecord> negatives = sample().stream().filter(r -> r.label() == 0).toList();
    assertThrows(IllegalArgumentException.class, () -> HeartProfiler.profile(negatives, 5));
    assertThrows(IllegalArgumentException.class, () -> HeartProfiler.profile(List.of(), 5));
  }

  @Test
  void writerWritesAllFilesAndJsonReadsBack(@TempDir Path dir) throws IOException {
    HeartProfile profile = HeartProfiler.profile(sample(), 5);
    Path out = dir.resolve("profile/run-1");

    ProfileWriter.write(profile, out);

    for (String name :
        List.of(
            "profile.json",
            "profile.md",
            "class_balance.png",
            "top_risk.png",
            "mutual_information.png")) {
      assertTrue(Files.size(out.resolve(name)) > 0, name);
    }
    for (String png : List.of("class_balance.png", "top_risk.png", "mutual_information.png")) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertNotNull(image, png);
      assertEquals(900, image.getWidth(), png);
    }
    assertEquals(profile, ProfileWriter.read(out.resolve("profile.json")));
    Map<?, ?> json = new ObjectMapper().readValue(out.resolve("profile.json").toFile(), Map.class);
    assertEquals(20, json.get("rows"));
    assertEquals(5, json.get("minGroupSize"));

    String markdown = Files.readString(out.resolve("profile.md"));
    assertTrue(markdown.contains("| Yes | 6 | 30.00% |"), markdown);
    assertTrue(markdown.contains("![top risk values](top_risk.png)"));
    assertTrue(markdown.contains("![mutual information](mutual_information.png)"));
    assertTrue(markdown.contains("![class balance](class_balance.png)"));
    assertTrue(markdown.contains("| smoking | Yes | 8 | 50.00 | +0.2000 | 2.333 | 1.667 |"));
    assertTrue(markdown.contains("fewer than 5 rows"));
    assertTrue(markdown.contains("bmi: <18.5, [18.5, 25)"));
  }
}
