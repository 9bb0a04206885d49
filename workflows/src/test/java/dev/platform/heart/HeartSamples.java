package dev.platform.heart;

import dev.platform.ml.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Files made from the shared dev data for workflow tests (never committed). */
final class HeartSamples {
  private HeartSamples() {}

  /** The header and the first {@code rows} rows. */
  static List<String> lines(int rows) throws IOException {
    return TestData.devLines(rows);
  }

  static Path sample(Path dir, int rows) throws IOException {
    return Files.write(dir.resolve("heart_" + rows + ".csv"), lines(rows));
  }

  /** The same rows with the HeartDisease column shuffled: nothing left to learn. */
  static Path shuffledLabels(Path dir, int rows) throws IOException {
    List<String> lines = lines(rows);
    List<String> labels = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      labels.add(line.substring(0, line.indexOf(',')));
    }
    java.util.Collections.shuffle(labels, new Random(7));
    List<String> shuffled = new ArrayList<>();
    shuffled.add(lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      shuffled.add(labels.get(i - 1) + line.substring(line.indexOf(',')));
    }
    return Files.write(dir.resolve("heart_shuffled_" + rows + ".csv"), shuffled);
  }

  /** A file where every 20th row has a BMI that is not a number: 5% bad rows. */
  static Path withBadRows(Path dir, int rows) throws IOException {
    List<String> lines = lines(rows);
    for (int i = 1; i < lines.size(); i += 20) {
      String line = lines.get(i);
      int first = line.indexOf(',');
      int second = line.indexOf(',', first + 1);
      lines.set(i, line.substring(0, first + 1) + "heavy" + line.substring(second));
    }
    return Files.write(dir.resolve("heart_bad_" + rows + ".csv"), lines);
  }
}
