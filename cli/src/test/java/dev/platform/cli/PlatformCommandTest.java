package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.ml.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end: train on a sample of the dev data, then score files. */
class PlatformCommandTest {
  @TempDir static Path dir;
  static Path out;
  static String trainOutput;

  @BeforeAll
  static void train() throws IOException {
    // train --direct promotes into the home's lake, as the workflow does: keep it in the temp
    // folder
    System.setProperty("platform.home", dir.resolve("home").toString());
    Path sample = sample(dir.resolve("sample.csv"), 20_000);
    out = dir.resolve("run");
    Run run = run("train", "--direct", "--data", sample.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.output());
    trainOutput = run.output();
  }

  @AfterAll
  static void clearHome() {
    System.clearProperty("platform.home");
  }

  @Test
  void trainPrintsProgressAndTheComparisonTableAndWritesEverything() {
    assertTrue(trainOutput.matches("(?s).*prepared [0-9,]+ of 20,000 rows.*"), trainOutput);
    assertTrue(trainOutput.contains("promoted: bundle "), trainOutput);
    for (String model :
        List.of("logistic_regression", "decision_tree", "random_forest", "xgboost")) {
      assertTrue(trainOutput.contains("trained " + model), trainOutput);
      assertTrue(trainOutput.contains("| " + model + " |"), trainOutput);
    }
    for (String file :
        List.of(
            "model/bundle.json",
            "model/charts/roc_curves.png",
            "model/report.md",
            "metrics.json",
            "report.md",
            "charts/model_metrics.png",
            "charts/confusion_matrices.png",
            "charts/roc_curves.png",
            "profile/profile.json",
            "profile/profile.md",
            "profile/top_risk.png",
            "splits/test.csv.gz")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
  }

  @Test
  void scoringTheUnseenTestSplitWritesOneLinePerRowAndPrintsMetrics() throws IOException {
    Path scores = dir.resolve("test_scores.csv");
    Run run = score(out.resolve("splits/test.csv.gz").toString(), scores);
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("ROC AUC"), run.output());
    long testRows = gunzipLines(out.resolve("splits/test.csv.gz")).size() - 1;
    List<String> lines = Files.readAllLines(scores);
    assertEquals("risk_score,risk_label,prediction,error", lines.get(0));
    assertEquals(testRows, lines.size() - 1);
  }

  @Test
  void scoringKeepsBadAndDuplicateRowsInPlaceWithTheirReason() throws IOException {
    List<String> sample = gunzipLines(out.resolve("splits/test.csv.gz")).subList(0, 3);
    List<String> input = new ArrayList<>(sample);
    input.add(sample.get(1).replaceFirst(",[0-9.]+,", ",fat,")); // BMI not a number
    input.add(sample.get(1)); // duplicate of row 1
    Path file = dir.resolve("mixed.csv");
    Files.write(file, input);
    Path scores = dir.resolve("mixed_scores.csv");
    Run run = score(file.toString(), scores);
    assertEquals(0, run.exitCode(), run.output());
    List<String> lines = Files.readAllLines(scores);
    assertEquals(5, lines.size());
    assertTrue(lines.get(3).matches("^(\"\")?,,,.*"), "empty scores: " + lines.get(3));
    assertTrue(lines.get(3).contains("BMI: 'fat' is not a number"), lines.get(3));
    assertEquals(lines.get(1), lines.get(4));
    assertTrue(run.output().contains("1 failed validation"), run.output());
  }

  @Test
  void aMissingFileIsAOneLineErrorNotAStackTrace() {
    Path scores = dir.resolve("never.csv");
    Run run = score("no/such.csv", scores);
    assertEquals(ErrorHandler.DATA_ERROR, run.exitCode());
    assertTrue(run.errors().startsWith("error: cannot read no/such.csv"), run.errors());
    assertTrue(Files.notExists(scores), "no partial output is left behind");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command :
        List.of(
            new String[] {"--help"},
            new String[] {"train", "--help"},
            new String[] {"score", "--help"},
            new String[] {"profile", "--help"},
            new String[] {"bench", "train", "--help"},
            new String[] {"dev", "--help"},
            new String[] {"dev", "stop", "--help"},
            new String[] {"dev", "status", "--help"},
            new String[] {"runs", "--help"},
            new String[] {"history", "--help"})) {
      Run run = run(command);
      assertEquals(0, run.exitCode());
      assertTrue(run.output().contains("Usage: platform"), run.output());
    }
  }

  @Test
  void aScoreThatCannotWriteSaysSo() throws IOException {
    Path scores = dir.resolve("blocked_scores.csv");
    Files.createDirectories(dir.resolve("blocked_scores.csv.part")); // the partial file's place
    Run run = score(out.resolve("splits/test.csv.gz").toString(), scores);
    assertEquals(ErrorHandler.DATA_ERROR, run.exitCode(), run.output());
    assertTrue(run.errors().startsWith("error: cannot write " + scores), run.errors());
    assertTrue(Files.notExists(scores));
  }

  record Run(int exitCode, String output, String errors) {}

  static Run score(String data, Path scores) {
    return run("score", "--model", out.toString(), "--data", data, "--out", scores.toString());
  }

  static Run run(String... args) {
    StringWriter output = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine commandLine = PlatformCommand.commandLine();
    commandLine.setOut(new PrintWriter(output, true));
    commandLine.setErr(new PrintWriter(errors, true));
    int code = commandLine.execute(args);
    return new Run(code, output.toString(), errors.toString());
  }

  static Path sample(Path target, int rows) throws IOException {
    return Files.write(target, TestData.devLines(rows));
  }

  static List<String> gunzipLines(Path file) throws IOException {
    return TestData.gunzipLines(file, Integer.MAX_VALUE);
  }
}
