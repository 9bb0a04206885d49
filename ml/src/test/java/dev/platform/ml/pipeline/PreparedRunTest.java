package dev.platform.ml.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.source.Sources;
import dev.platform.ml.TestData;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.split.StratifiedSplit;
import dev.platform.ml.train.EncodedSet;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepare once, read many times: the folder gives back exactly what was prepared in memory. */
class PreparedRunTest {
  @TempDir static Path dir;
  static Path sample;
  static HeartDataset dataset;
  static PreparedData inMemory;
  static PreparedRun prepared;

  @BeforeAll
  static void prepare() throws IOException {
    sample = TestData.devSample(dir, 6_000);
    dataset = HeartDataset.load(sample.toString());
    inMemory = PreparedData.of(dataset);
    prepared = PreparedRun.prepare(sample.toString(), dir.resolve("run/prepared"));
  }

  @Test
  void readingTheFolderGivesTheSameSplitsEncodingAndCounts() throws IOException {
    PreparedRun read = PreparedRun.read(dir.resolve("run/prepared"));
    assertSameSet(inMemory.train(), read.train());
    assertSameSet(inMemory.validation(), read.validation());
    assertSameSet(inMemory.test(), read.test());
    assertEquals(inMemory.encoding(), read.encoding());
    assertEquals(inMemory.encoding().columnNames(), read.manifest().columns());
    assertEquals(dataset.summary(), read.summary());
    assertEquals(Sources.sha256(sample.toString()), read.manifest().dataSha256());
    assertEquals(6_000, read.manifest().rowsRead());
    assertEquals(StratifiedSplit.DEFAULT_SEED, read.manifest().splitSeed());
    assertEquals(inMemory.test().positives(), read.manifest().test().positives());
  }

  @Test
  void theKeptRecordsAndTheTestRowsCsvRoundTrip() throws IOException {
    assertEquals(dataset.records(), PreparedRun.readRecords(prepared.folder()));
    List<LabeledRecord> testRows = HeartDataset.load(prepared.testRowsCsv().toString()).records();
    assertEquals(
        inMemory.split().test().stream().map(LabeledRecord::features).toList(),
        testRows.stream().map(LabeledRecord::features).toList());
    assertEquals(
        inMemory.split().test().stream().map(LabeledRecord::label).toList(),
        testRows.stream().map(LabeledRecord::label).toList());
  }

  @Test
  void preparingAgainReplacesTheFolderWhole() throws IOException {
    Path folder = dir.resolve("again/prepared");
    PreparedRun.prepare(sample.toString(), folder);
    Files.writeString(folder.resolve("stale.txt"), "left from a crashed attempt");
    PreparedRun again = PreparedRun.prepare(sample.toString(), folder);
    assertTrue(Files.notExists(folder.resolve("stale.txt")));
    assertSameSet(prepared.train(), again.train());
    try (var siblings = Files.list(folder.getParent())) {
      assertEquals(List.of(folder), siblings.toList(), "no staging folder left behind");
    }
  }

  @Test
  void aTruncatedMatrixOrAMissingManifestIsAClearError() throws IOException {
    Path folder = dir.resolve("broken/prepared");
    PreparedRun.prepare(sample.toString(), folder);
    try (FileChannel channel =
        FileChannel.open(folder.resolve("validation.bin"), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() / 2);
    }
    IOException truncated = assertThrows(IOException.class, () -> PreparedRun.read(folder));
    assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    IOException missing =
        assertThrows(IOException.class, () -> PreparedRun.read(dir.resolve("nowhere")));
    assertTrue(missing.getMessage().contains("prepared.json"), missing.getMessage());
  }

  static void assertSameSet(EncodedSet expected, EncodedSet actual) {
    assertEquals(expected.rows(), actual.rows());
    assertEquals(expected.width(), actual.width());
    assertArrayEquals(expected.labels(), actual.labels());
    assertArrayEquals(expected.features(), actual.features());
  }
}
