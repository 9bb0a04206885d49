package dev.platform.core.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.platform.core.csv.Csv;
import dev.platform.core.csv.CsvRecordException;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.source.Sources;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests the remote/booth -> station table ({@code Remote,Booth,Station,Line Name,Division}, UTF-8
 * with a byte-order mark) into {@link LakeLayout#TURNSTILE_REFERENCE}, byte for byte, after
 * checking it is that table. Idempotent by checksum. A file that is not the table is quarantined
 * with its reason; the copy in the lake stays.
 */
public final class StationReferenceIngestion {
  private static final Logger LOG = LoggerFactory.getLogger(StationReferenceIngestion.class);
  public static final String SUBJECT = "station reference";
  static final List<String> REQUIRED_COLUMNS = List.of("REMOTE", "BOOTH", "STATION");

  private final Lake lake;
  private final TurnstileWeekSource source;

  public StationReferenceIngestion(Lake lake, TurnstileWeekSource source) {
    this.lake = lake;
    this.source = source;
  }

  /**
   * @throws IOException when the source or the lake cannot be reached (worth retrying)
   */
  public IngestionResult ingest() throws IOException {
    String location = source.stationReference();
    byte[] bytes;
    try (InputStream in = Sources.openRaw(location)) {
      bytes = in.readAllBytes();
    } catch (NoSuchFileException | FileNotFoundException e) {
      String summary = SUBJECT + " missing: " + e.getMessage();
      LOG.info(summary);
      return new IngestionResult(
          SUBJECT, IngestionStatus.MISSING, location, 0, 0, List.of(), "", "", summary);
    }
    String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
    List<BadLine> badLines = new ArrayList<>();
    long[] rows = {0};
    String problem = check(new String(bytes, StandardCharsets.UTF_8), rows, badLines);
    if (problem != null) {
      String key = LakeLayout.TURNSTILE_REFERENCE_QUARANTINE;
      lake.put(key, bytes);
      lake.put(
          LakeLayout.reasonOf(key),
          ("source: " + location + "\nreason: " + problem + "\n").getBytes(StandardCharsets.UTF_8));
      String summary = SUBJECT + " quarantined: " + problem + " -> " + key;
      LOG.warn(summary);
      return new IngestionResult(
          SUBJECT,
          IngestionStatus.QUARANTINED,
          location,
          0,
          badLines.size(),
          badLines,
          sha256,
          key,
          summary);
    }
    String key = LakeLayout.TURNSTILE_REFERENCE;
    IngestionStatus status =
        lake.stat(key).map(LakeObject::sha256).filter(sha256::equals).isPresent()
            ? IngestionStatus.UNCHANGED
            : IngestionStatus.STORED;
    if (status == IngestionStatus.STORED) {
      lake.put(key, bytes);
    }
    String summary =
        String.format(
            Locale.ROOT,
            "%s %s: %,d rows (%s) -> %s",
            SUBJECT,
            status == IngestionStatus.STORED ? "stored" : "unchanged",
            rows[0],
            sha256.substring(0, 12),
            key);
    LOG.info(summary);
    return new IngestionResult(
        SUBJECT, status, location, rows[0], 0, List.of(), sha256, key, summary);
  }

  /** Why the text is not the station table, or null; counts its rows. */
  private static String check(String text, long[] rows, List<BadLine> badLines) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n");
    List<String> header = new ArrayList<>();
    for (String cell : fields(lines[0])) {
      header.add(cell.toUpperCase(Locale.ROOT));
    }
    if (!header.containsAll(REQUIRED_COLUMNS)) {
      return "not the station table: line 1 lacks Remote, Booth and Station: "
          + CsvRecordException.quote(lines[0]);
    }
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int width = fields(lines[i]).size();
      if (width != header.size()) {
        badLines.add(new BadLine(i + 1, "expected " + header.size() + " fields, found " + width));
      } else {
        rows[0]++;
      }
    }
    if (!badLines.isEmpty()) {
      return badLines.size() + " lines of the table do not have its " + header.size() + " fields";
    }
    return rows[0] == 0 ? "the table has no rows" : null;
  }

  /** The line's fields; a line that is not CSV counts as one field. */
  private static List<String> fields(String line) {
    try {
      return Csv.fields(line);
    } catch (CsvParseException e) {
      return List.of(line);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
