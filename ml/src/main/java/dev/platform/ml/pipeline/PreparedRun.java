package dev.platform.ml.pipeline;

import dev.platform.core.io.Folders;
import dev.platform.ml.bundle.Json;
import dev.platform.ml.data.HeartCsvWriter;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.data.LabeledRecord;
import dev.platform.ml.features.FeatureEncoding;
import dev.platform.ml.train.EncodedSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The data of one training run, prepared once: read, validated, de-duplicated, split 60/20/20
 * (stratified, seed 42) and encoded, then written to a folder that every later step reads instead
 * of the CSV file:
 *
 * <ul>
 *   <li>{@code prepared.json}: the source, its SHA-256, row counts, the split's sizes, the encoding
 *   <li>{@code train.bin}, {@code validation.bin}, {@code test.bin}: encoded rows and labels
 *   <li>{@code records.bin}: the kept (de-duplicated) records, for the profile
 *   <li>{@code test.csv.gz}: the test rows in the source's format, for scoring later
 * </ul>
 *
 * The folder appears whole or not at all (written beside it and renamed), so a retried step
 * rewrites it safely.
 */
public record PreparedRun(
    Path folder,
    PreparedManifest manifest,
    EncodedSet train,
    EncodedSet validation,
    EncodedSet test) {

  public static final String MANIFEST_FILE = "prepared.json";
  public static final String RECORDS_FILE = "records.bin";
  public static final String TEST_ROWS_FILE = "test.csv.gz";

  /** Reads, validates, de-duplicates, splits and encodes {@code source} into {@code folder}. */
  public static PreparedRun prepare(String source, Path folder) throws IOException {
    return prepare(HeartDataset.load(source), folder);
  }

  /** Splits and encodes an already loaded data set into {@code folder}. */
  public static PreparedRun prepare(HeartDataset dataset, Path folder) throws IOException {
    PreparedData data = PreparedData.of(dataset);
    EncodedSet train = data.train();
    EncodedSet validation = data.validation();
    EncodedSet test = data.test();
    PreparedManifest manifest =
        PreparedManifest.of(dataset.summary(), data.encoding(), train, validation, test);

    Path target = folder.toAbsolutePath();
    Path parent = Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
    try {
      PreparedFiles.writeMatrix(train, staging.resolve(fileOf("train")));
      PreparedFiles.writeMatrix(validation, staging.resolve(fileOf("validation")));
      PreparedFiles.writeMatrix(test, staging.resolve(fileOf("test")));
      PreparedFiles.writeRecords(dataset.records(), staging.resolve(RECORDS_FILE));
      HeartCsvWriter.write(data.split().test(), staging.resolve(TEST_ROWS_FILE));
      Json.MAPPER.writeValue(staging.resolve(MANIFEST_FILE).toFile(), manifest);
      Folders.deleteRecursively(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Folders.deleteRecursively(staging);
      throw e;
    }
    return new PreparedRun(target, manifest, train, validation, test);
  }

  /** Loads a folder written by {@link #prepare}: the manifest and the three encoded splits. */
  public static PreparedRun read(Path folder) throws IOException {
    PreparedManifest manifest = readManifest(folder);
    PreparedRun run =
        new PreparedRun(
            folder,
            manifest,
            PreparedFiles.readMatrix(folder.resolve(fileOf("train"))),
            PreparedFiles.readMatrix(folder.resolve(fileOf("validation"))),
            PreparedFiles.readMatrix(folder.resolve(fileOf("test"))));
    manifest.check(run);
    return run;
  }

  /** Reads only {@code prepared.json}. */
  public static PreparedManifest readManifest(Path folder) throws IOException {
    Path file = folder.resolve(MANIFEST_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no prepared data (" + MANIFEST_FILE + ") in " + folder);
    }
    PreparedManifest manifest = Json.MAPPER.readValue(file.toFile(), PreparedManifest.class);
    if (manifest.formatVersion() != PreparedManifest.FORMAT_VERSION) {
      throw new IOException(
          "prepared data format %d is not supported; expected %d"
              .formatted(manifest.formatVersion(), PreparedManifest.FORMAT_VERSION));
    }
    return manifest;
  }

  /** The kept records of a prepared folder in file order, with labels: what the profile reads. */
  public static List<LabeledRecord> readRecords(Path folder) throws IOException {
    return PreparedFiles.readRecords(folder.resolve(RECORDS_FILE));
  }

  public FeatureEncoding encoding() {
    return manifest.encoding();
  }

  public HeartDataset.Summary summary() {
    return manifest.summary();
  }

  /** The test rows as a CSV file in the source's format. */
  public Path testRowsCsv() {
    return folder.resolve(TEST_ROWS_FILE);
  }

  private static String fileOf(String part) {
    return part + ".bin";
  }
}
