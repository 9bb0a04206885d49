package dev.platform.ml.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.TestData;
import dev.platform.ml.bundle.Json;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.data.LabeledRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureEncodingTest {
  private final List<LabeledRecord> records =
      HeartDataset.load(TestData.fixture("bad_rows.csv").toString(), 0.5).records();

  @Test
  void oneHotEncodingRoundTripsEveryRecord() {
    FeatureEncoding.Encoder encoder = FeatureEncoding.fit(records).encoder();
    for (LabeledRecord record : records) {
      float[] encoded = encoder.encode(record.features());
      assertArrayEquals(
          record.features().values(), encoder.decode(encoded).values(), 1e-5, record.toString());
    }
  }

  @Test
  void eachCategoryHasExactlyOneHotColumnAndOrderedOnesARank() {
    FeatureEncoding encoding = FeatureEncoding.fit(records);
    List<String> columns = encoding.columnNames();
    assertTrue(columns.contains("sex=Female"));
    assertTrue(columns.contains("diabetic=No, borderline diabetes"));
    assertTrue(columns.contains("agecategory#rank"));
    LabeledRecord first = records.get(0);
    float[] row = encoding.encoder().encode(first.features());
    int hot = 0;
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).startsWith("race=")) {
        hot += (int) row[c];
      }
    }
    assertEquals(1, hot);
    assertEquals(
        HeartSchema.AGE_CATEGORIES.indexOf("55-59"), row[columns.indexOf("agecategory#rank")]);
  }

  @Test
  void aLevelUnseenInTrainingEncodesAsAllZeros() {
    FeatureEncoding encoding = FeatureEncoding.fit(records);
    int asianLevel = HeartSchema.field("race").levelIndex("Asian");
    double[] values = records.get(0).features().values().clone();
    values[HeartSchema.indexOf("race").orElseThrow()] = asianLevel;
    float[] row = encoding.encoder().encode(new dev.platform.ml.data.HeartRecord(values));
    List<String> columns = encoding.columnNames();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).startsWith("race=")) {
        assertEquals(0f, row[c], columns.get(c));
      }
    }
  }

  @Test
  void theFittedEncodingSurvivesJson() throws Exception {
    FeatureEncoding encoding = FeatureEncoding.fit(records);
    FeatureEncoding read =
        Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(encoding), FeatureEncoding.class);
    assertEquals(encoding.columnNames(), read.columnNames());
    assertArrayEquals(
        encoding.encoder().encode(records.get(3).features()),
        read.encoder().encode(records.get(3).features()));
  }
}
