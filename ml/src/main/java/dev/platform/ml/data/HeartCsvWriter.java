package dev.platform.ml.data;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.platform.core.csv.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes labelled records in the CDC file's own format (gzip when the name ends in .gz). */
public final class HeartCsvWriter {
  private HeartCsvWriter() {}

  public static void write(List<LabeledRecord> records, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out =
            file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter printer = Csv.writer(writer)) {
      List<String> header = new ArrayList<>();
      header.add(HeartSchema.TARGET_CSV_NAME);
      HeartSchema.FIELDS.forEach(field -> header.add(field.csvName()));
      printer.writeRecord(header);
      for (LabeledRecord record : records) {
        List<String> row = new ArrayList<>(header.size());
        row.add(record.label() == 1 ? "Yes" : "No");
        for (int i = 0; i < HeartSchema.FIELD_COUNT; i++) {
          row.add(HeartSchema.FIELDS.get(i).formatValue(record.features().value(i)));
        }
        printer.writeRecord(row);
      }
    }
  }
}
