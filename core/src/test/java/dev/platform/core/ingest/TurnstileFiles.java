package dev.platform.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Small weekly files written by tests, in the forms the MTA and the original project used. */
final class TurnstileFiles {
  static final String SHARED_HEADER =
      ",CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS";
  static final String PUBLIC_HEADER =
      "C/A,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES"
          + " ".repeat(50)
          + ",EXITS"
          + " ".repeat(50);

  private TurnstileFiles() {}

  static Path sharedData() {
    return Path.of(System.getProperty("shared.data.dir"));
  }

  /** {@code count} readings of one turnstile every 4 hours, counters growing. */
  static List<String> readings(int count, boolean rowNumbers, boolean padded) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      java.time.LocalDateTime at = java.time.LocalDateTime.of(2023, 12, 24, 0, 0).plusHours(4L * i);
      String date = at.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
      String time = at.toLocalTime().toString() + ":00";
      String line =
          "A002,R051,02-00-0"
              + (i % 3)
              + ",59 ST,NQR456W,BMT,"
              + date
              + ","
              + time
              + ",REGULAR,"
              + (padded
                  ? String.format("%010d,%010d", 1000 + i * 10, 500 + i * 7)
                  : (1000 + i * 10) + "," + (500 + i * 7));
      lines.add((rowNumbers ? i + "," : "") + line + (padded ? " ".repeat(40) : ""));
    }
    return lines;
  }

  static Path gzip(Path file, String header, List<String> lines) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  static Path plain(Path file, String header, List<String> lines) throws IOException {
    List<String> all = new ArrayList<>();
    all.add(header);
    all.addAll(lines);
    Files.write(file, all, StandardCharsets.UTF_8);
    return file;
  }

  static List<String> gunzipLines(InputStream in) throws IOException {
    try (InputStream gz = new GZIPInputStream(in)) {
      return new String(gz.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
