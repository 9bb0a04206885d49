package dev.platform.ml.predict;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.platform.core.csv.Csv;
import dev.platform.ml.data.HeartCsvReader;
import dev.platform.ml.data.HeartRecord;
import dev.platform.ml.data.ParsedRow;
import dev.platform.ml.data.RowProblem;
import dev.platform.ml.eval.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Scores a CSV file row by row into {@code risk_score,risk_label,prediction,error}: one output line
 * per input row, in input order, nothing dropped, de-duplicated or reordered. A row that fails
 * validation gets empty scores and its reasons in {@code error}.
 */
public final class FileScorer {
  private static final int BATCH = 8192;

  /** What a scoring run did, and the metrics when the file carried the target. */
  public record Result(long rows, long scored, long failed, Optional<Metrics> metrics) {}

  private final Predictor predictor;

  public FileScorer(Predictor predictor) {
    this.predictor = predictor;
  }

  public Result score(String input, Path output) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw cannotWrite(output, e);
    }
    List<Integer> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    long[] counts = new long[2];
    boolean hasTarget;
    // written beside the target and moved into place at the end: a failed run leaves nothing
    Path partial = parent.resolve(output.getFileName() + ".part");
    try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
        CsvWriter printer = Csv.writer(writer)) {
      printer.writeRecord("risk_score", "risk_label", "prediction", "error");
      List<ParsedRow> batch = new ArrayList<>(BATCH);
      HeartCsvReader.FileInfo info =
          HeartCsvReader.read(
              input,
              false,
              row -> {
                batch.add(row);
                if (batch.size() == BATCH) {
                  flush(batch, printer, labels, scores, counts);
                }
              });
      flush(batch, printer, labels, scores, counts);
      hasTarget = info.hasTarget();
    } catch (IOException e) { // opening, the header or closing: the output side
      Files.deleteIfExists(partial);
      throw cannotWrite(output, e);
    } catch (RuntimeException e) {
      Files.deleteIfExists(partial);
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof WriteFailure write) { // the reader wraps what its callback threw
          throw cannotWrite(output, write.getCause());
        }
      }
      if (e instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      throw e;
    }
    Files.move(
        partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Optional<Metrics> metrics = Optional.empty();
    if (hasTarget && labels.stream().anyMatch(label -> label == 1)) {
      metrics =
          Optional.of(
              Metrics.of(
                  labels.stream().mapToInt(Integer::intValue).toArray(),
                  scores.stream().mapToDouble(Double::doubleValue).toArray(),
                  predictor.manifest().threshold()));
    }
    return new Result(counts[0] + counts[1], counts[0], counts[1], metrics);
  }

  private void flush(
      List<ParsedRow> batch,
      CsvWriter printer,
      List<Integer> labels,
      List<Double> scores,
      long[] counts) {
    List<HeartRecord> valid = new ArrayList<>();
    for (ParsedRow row : batch) {
      if (row.valid()) {
        valid.add(row.record());
      }
    }
    List<RiskPrediction> predictions = predictor.predictAll(valid);
    int next = 0;
    try {
      for (ParsedRow row : batch) {
        if (!row.valid()) {
          counts[1]++;
          String reasons =
              row.problems().stream().map(FileScorer::describe).collect(Collectors.joining("; "));
          printer.writeRecord("", "", "", reasons);
          continue;
        }
        RiskPrediction prediction = predictions.get(next++);
        counts[0]++;
        printer.writeRecord(
            String.format(Locale.ROOT, "%.6f", prediction.riskScore()),
            prediction.riskLabel().id(),
            Integer.toString(prediction.prediction()),
            "");
        if (row.label() >= 0) {
          labels.add(row.label());
          scores.add(prediction.riskScore());
        }
      }
    } catch (UncheckedIOException e) {
      throw new WriteFailure(e.getCause());
    }
    batch.clear();
  }

  /** A failed write of the output, told apart from a failed read of the input. */
  private static final class WriteFailure extends UncheckedIOException {
    WriteFailure(IOException cause) {
      super(cause);
    }
  }

  private static IOException cannotWrite(Path output, IOException cause) {
    return new IOException("cannot write " + output + ": " + cause.getMessage(), cause);
  }

  private static String describe(RowProblem problem) {
    return problem.column() + ": " + problem.reason();
  }
}
