package dev.platform.ml.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.features.FeatureEncoding;
import dev.platform.ml.split.StratifiedSplit;
import dev.platform.ml.train.EncodedSet;
import java.io.IOException;
import java.util.List;

/**
 * {@code prepared.json}: where the prepared data came from and what the folder holds.
 *
 * @param dataSha256 SHA-256 of the source's bytes as read (before unpacking)
 * @param columns the encoded column names, in matrix order
 */
public record PreparedManifest(
    int formatVersion,
    String dataSource,
    String dataSha256,
    long rowsRead,
    long rowsSkipped,
    long duplicatesRemoved,
    long splitSeed,
    Split train,
    Split validation,
    Split test,
    FeatureEncoding encoding,
    List<String> columns) {

  public static final int FORMAT_VERSION = 1;

  /** Rows and positive rows of one split. */
  public record Split(int rows, int positives) {
    static Split of(EncodedSet set) {
      return new Split(set.rows(), set.positives());
    }
  }

  static PreparedManifest of(
      HeartDataset.Summary summary,
      FeatureEncoding encoding,
      EncodedSet train,
      EncodedSet validation,
      EncodedSet test) {
    return new PreparedManifest(
        FORMAT_VERSION,
        summary.source(),
        summary.sha256(),
        summary.rowsRead(),
        summary.rowsSkipped(),
        summary.duplicatesRemoved(),
        StratifiedSplit.DEFAULT_SEED,
        Split.of(train),
        Split.of(validation),
        Split.of(test),
        encoding,
        encoding.columnNames());
  }

  @JsonIgnore
  public HeartDataset.Summary summary() {
    return new HeartDataset.Summary(
        dataSource, dataSha256, rowsRead, rowsSkipped, duplicatesRemoved);
  }

  @JsonIgnore
  public long rowsKept() {
    return summary().rowsKept();
  }

  /** Fails when the matrices read do not match what the manifest says was written. */
  void check(PreparedRun run) throws IOException {
    check("train", train, run.train());
    check("validation", validation, run.validation());
    check("test", test, run.test());
  }

  private void check(String name, Split expected, EncodedSet actual) throws IOException {
    if (expected.rows() != actual.rows()
        || expected.positives() != actual.positives()
        || actual.width() != columns.size()) {
      throw new IOException(
          "prepared %s split holds %d rows (%d positive) of width %d; the manifest says %d (%d)"
                  .formatted(
                      name,
                      actual.rows(),
                      actual.positives(),
                      actual.width(),
                      expected.rows(),
                      expected.positives())
              + " of width "
              + columns.size());
    }
  }
}
