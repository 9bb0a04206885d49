package dev.platform.ml.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A labelled heart-disease training set: the valid rows of a file, de-duplicated as the original
 * study did, with every skipped row reported.
 */
public record HeartDataset(
    List<LabeledRecord> records, List<RowProblem> problems, Summary summary) {
  private static final Logger LOG = LoggerFactory.getLogger(HeartDataset.class);

  /** Default share of bad rows above which a file is rejected as a whole. */
  public static final double DEFAULT_MAX_BAD_FRACTION = 0.01;

  /** Counts of what happened to the rows of the file, and the file's checksum. */
  public record Summary(
      String source, String sha256, long rowsRead, long rowsSkipped, long duplicatesRemoved) {
    public long rowsKept() {
      return rowsRead - rowsSkipped - duplicatesRemoved;
    }

    @Override
    public String toString() {
      return "read %,d rows, skipped %,d bad, removed %,d duplicates, kept %,d"
          .formatted(rowsRead, rowsSkipped, duplicatesRemoved, rowsKept());
    }
  }

  public static HeartDataset load(String location) {
    return load(location, DEFAULT_MAX_BAD_FRACTION);
  }

  /**
   * Reads and validates a file. Bad rows are logged and skipped.
   *
   * @throws DataValidationException when the file is unreadable, lacks columns, or more than {@code
   *     maxBadFraction} of its rows are bad
   */
  public static HeartDataset load(String location, double maxBadFraction) {
    List<LabeledRecord> kept = new ArrayList<>();
    List<RowProblem> problems = new ArrayList<>();
    Set<DedupKey> seen = new HashSet<>();
    long[] skipped = {0};
    long[] duplicates = {0};
    HeartCsvReader.FileInfo info =
        HeartCsvReader.read(
            location,
            true,
            row -> {
              if (!row.valid()) {
                skipped[0]++;
                problems.addAll(row.problems());
                return;
              }
              if (seen.add(new DedupKey(row.record(), row.label()))) {
                kept.add(new LabeledRecord(row.line(), row.record(), row.label()));
              } else {
                duplicates[0]++;
              }
            });
    Summary summary = new Summary(location, info.sha256(), info.rows(), skipped[0], duplicates[0]);
    if (info.rows() == 0) {
      throw new DataValidationException(location + " has a header but no data rows");
    }
    problems.stream().limit(20).forEach(problem -> LOG.warn("skipped {}", problem));
    if (problems.size() > 20) {
      LOG.warn("... and {} more row problems", problems.size() - 20);
    }
    if (skipped[0] > maxBadFraction * info.rows()) {
      throw new DataValidationException(
          "%s: %d of %d rows are bad (more than %.1f%%); first: %s"
              .formatted(
                  location,
                  skipped[0],
                  info.rows(),
                  maxBadFraction * 100,
                  problems.stream().limit(5).toList()));
    }
    return new HeartDataset(List.copyOf(kept), List.copyOf(problems), summary);
  }

  public int positives() {
    int count = 0;
    for (LabeledRecord record : records) {
      count += record.label();
    }
    return count;
  }

  private record DedupKey(HeartRecord record, int label) {}
}
