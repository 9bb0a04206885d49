package dev.platform.ml.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.data.LabeledRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  /** 10,000 rows, 9% positive, each row unique by its line number. */
  private static List<LabeledRecord> rows() {
    List<LabeledRecord> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      double[] values = new double[HeartSchema.FIELD_COUNT];
      values[0] = 20 + i % 50;
      rows.add(new LabeledRecord(i + 2, new HeartRecord(values), i % 100 < 9 ? 1 : 0));
    }
    return rows;
  }

  @Test
  void sizesAreSixtyTwentyTwentyAndClassRatiosKept() {
    StratifiedSplit split = StratifiedSplit.standard(rows());
    assertEquals(6_000, split.train().size());
    assertEquals(2_000, split.validation().size());
    assertEquals(2_000, split.test().size());
    assertEquals(540, positives(split.train()));
    assertEquals(180, positives(split.validation()));
    assertEquals(180, positives(split.test()));
  }

  @Test
  void partsAreDisjointCoverEverythingAndKeepInputOrder() {
    List<LabeledRecord> rows = rows();
    StratifiedSplit split = StratifiedSplit.standard(rows);
    Set<Long> lines = new HashSet<>();
    for (List<LabeledRecord> part : List.of(split.train(), split.validation(), split.test())) {
      for (int i = 1; i < part.size(); i++) {
        assertTrue(part.get(i - 1).line() < part.get(i).line());
      }
      part.forEach(row -> assertTrue(lines.add(row.line()), "row in two parts"));
    }
    assertEquals(rows.size(), lines.size());
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    List<LabeledRecord> rows = rows();
    assertEquals(StratifiedSplit.standard(rows), StratifiedSplit.standard(rows));
    assertNotEquals(
        StratifiedSplit.standard(rows).test(), StratifiedSplit.of(rows, 0.6, 0.2, 7).test());
  }

  private static long positives(List<LabeledRecord> part) {
    return part.stream().filter(row -> row.label() == 1).count();
  }
}
