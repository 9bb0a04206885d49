package dev.platform.core.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.platform.core.csv.Csv;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LakeObject;
import dev.platform.core.source.Sources;
import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileCsv;
import dev.platform.core.turnstile.TurnstileFormatException;
import dev.platform.core.turnstile.TurnstileReading;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one weekly MTA file into the lake: fetch, validate every line with {@link TurnstileCsv},
 * store the good readings as canonical gzip CSV at {@link LakeLayout#turnstileBatch(LocalDate)}.
 * Idempotent: the canonical file is byte-deterministic, so the same source gives the same checksum
 * and a second run writes nothing. A file with a few bad lines keeps its good ones and reports the
 * bad ones; a truncated file, one without a turnstile header, without readings or with more than
 * {@link #MAX_BAD_SHARE} bad lines is quarantined with its reason. Knows nothing of Temporal.
 */
public final class TurnstileWeekIngestion {
  private static final Logger LOG = LoggerFactory.getLogger(TurnstileWeekIngestion.class);

  /** More bad lines than this share of the data lines makes the file garbage. */
  public static final double MAX_BAD_SHARE = 0.10;

  /** How many bad lines a result lists (all are counted). */
  public static final int BAD_LINES_REPORTED = 20;

  private final Lake lake;
  private final TurnstileWeekSource source;
  private final Path workFolder;

  /**
   * @param workFolder where temporary files go while a week is read (deleted afterwards)
   */
  public TurnstileWeekIngestion(Lake lake, TurnstileWeekSource source, Path workFolder) {
    this.lake = lake;
    this.source = source;
    this.workFolder = workFolder;
  }

  public TurnstileWeekIngestion(Lake lake, TurnstileWeekSource source) {
    this(lake, source, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Ingests the week ending on {@code saturday}.
   *
   * @throws IllegalArgumentException when {@code saturday} is no Saturday
   * @throws IOException when the source or the lake cannot be reached (worth retrying)
   */
  public IngestionResult ingest(LocalDate saturday) throws IOException {
    TurnstileWeeks.requireSaturday(saturday);
    String subject = saturday.toString();
    Optional<String> location = source.locate(saturday);
    if (location.isEmpty()) {
      return missing(subject, source.spec(), "no file for this week in mirror " + source.spec());
    }
    Files.createDirectories(workFolder);
    Path raw = Files.createTempFile(workFolder, "turnstile-" + saturday + "-", ".raw");
    Path canonical = Files.createTempFile(workFolder, "turnstile-" + saturday + "-", ".csv.gz");
    try {
      try (InputStream in = Sources.openRaw(location.get())) {
        Files.copy(in, raw, StandardCopyOption.REPLACE_EXISTING);
      } catch (NoSuchFileException | FileNotFoundException e) {
        return missing(subject, location.get(), e.getMessage());
      }
      Validation validation = validate(raw, canonical);
      Optional<String> unusable = validation.unusable();
      if (unusable.isPresent()) {
        return quarantine(saturday, location.get(), raw, validation, unusable.get());
      }
      return store(saturday, location.get(), canonical, validation);
    } finally {
      Files.deleteIfExists(raw);
      Files.deleteIfExists(canonical);
    }
  }

  /** Reads the raw file, writing its good readings in canonical form. */
  private static Validation validate(Path raw, Path canonical) throws IOException {
    Validation validation = new Validation();
    try (BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    Sources.unpacked(Files.newInputStream(raw)), StandardCharsets.UTF_8),
                1 << 16);
        CsvWriter out = Csv.writer(canonicalWriter(canonical))) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        validation.fatal = "the file is empty";
        return validation;
      }
      TurnstileCsv.Header header;
      try {
        header = TurnstileCsv.header(headerLine);
      } catch (TurnstileFormatException e) {
        validation.fatal = "no turnstile header on line 1: " + e.getMessage();
        return validation;
      }
      out.writeRecord(TurnstileCsv.COLUMNS);
      long lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue; // trailing or spacing blank lines carry no reading
        }
        ParseResult<TurnstileReading> reading = header.parse(line);
        if (reading.isOk()) {
          TurnstileCsv.write(out, reading.get());
          validation.goodRows++;
        } else {
          validation.bad(lineNumber, reading.problem());
        }
      }
    } catch (EOFException | ZipException e) {
      validation.fatal = "truncated or corrupt gzip: " + e.getMessage();
    }
    return validation;
  }

  /**
   * Gzip with fixed header fields (no name, no time) and the default deflate level: the same
   * readings always give the same bytes, hence the same checksum.
   */
  private static Writer canonicalWriter(Path file) throws IOException {
    OutputStream gzip =
        new GZIPOutputStream(
            new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
    return new java.io.BufferedWriter(
        new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
  }

  private IngestionResult store(
      LocalDate saturday, String location, Path canonical, Validation validation)
      throws IOException {
    String key = LakeLayout.turnstileBatch(saturday);
    String sha256 = sha256(canonical);
    Optional<LakeObject> existing = lake.stat(key);
    IngestionStatus status;
    if (existing.isPresent() && existing.get().sha256().equals(sha256)) {
      status = IngestionStatus.UNCHANGED;
    } else {
      lake.put(key, canonical);
      status = IngestionStatus.STORED;
    }
    clearQuarantine(saturday);
    String summary =
        String.format(
            Locale.ROOT,
            "%s %s: %,d readings%s (%s) -> %s",
            saturday,
            status == IngestionStatus.STORED ? "stored" : "unchanged",
            validation.goodRows,
            badLinesNote(validation),
            sha256.substring(0, 12),
            key);
    LOG.info(summary);
    return new IngestionResult(
        saturday.toString(),
        status,
        location,
        validation.goodRows,
        validation.badLineCount,
        validation.badLines,
        sha256,
        key,
        summary);
  }

  private IngestionResult quarantine(
      LocalDate saturday, String location, Path raw, Validation validation, String reason)
      throws IOException {
    String key = LakeLayout.turnstileBatchQuarantine(saturday);
    Path kept = raw;
    Path gzipped = null;
    if (!isGzip(raw)) { // the quarantine key says .gz: keep plain files gzip-compressed
      gzipped = Files.createTempFile(workFolder, "quarantine-", ".gz");
      try (InputStream in = Files.newInputStream(raw);
          OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
        in.transferTo(out);
      }
      kept = gzipped;
    }
    try {
      LakeObject stored = lake.put(key, kept);
      String reasonText =
          "source: " + location + "\nreason: " + reason + "\n" + badLinesText(validation);
      lake.put(LakeLayout.reasonOf(key), reasonText.getBytes(StandardCharsets.UTF_8));
      String summary = saturday + " quarantined: " + reason + " -> " + key;
      LOG.warn(summary);
      return new IngestionResult(
          saturday.toString(),
          IngestionStatus.QUARANTINED,
          location,
          0,
          validation.badLineCount,
          validation.badLines,
          stored.sha256(),
          key,
          summary);
    } finally {
      if (gzipped != null) {
        Files.deleteIfExists(gzipped);
      }
    }
  }

  /** A week that is now good leaves no stale quarantine copy beside it. */
  private void clearQuarantine(LocalDate saturday) throws IOException {
    String key = LakeLayout.turnstileBatchQuarantine(saturday);
    if (lake.exists(key)) {
      lake.delete(key);
      lake.delete(LakeLayout.reasonOf(key));
    }
  }

  private static IngestionResult missing(String subject, String location, String reason) {
    String summary = subject + " missing: " + reason;
    LOG.info(summary);
    return new IngestionResult(
        subject, IngestionStatus.MISSING, location, 0, 0, List.of(), "", "", summary);
  }

  private static String badLinesNote(Validation validation) {
    if (validation.badLineCount == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        ", %,d bad line%s skipped (first: %s)",
        validation.badLineCount,
        validation.badLineCount == 1 ? "" : "s",
        validation.badLines.get(0));
  }

  private static String badLinesText(Validation validation) {
    StringBuilder text = new StringBuilder();
    if (validation.badLineCount > 0) {
      text.append(String.format(Locale.ROOT, "bad lines: %,d%n", validation.badLineCount));
      validation.badLines.forEach(line -> text.append(line).append('\n'));
    }
    return text.toString();
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  static String sha256(Path file) throws IOException {
    try (var digesting = Sources.digesting(Files.newInputStream(file))) {
      digesting.transferTo(OutputStream.nullOutputStream());
      return Sources.hex(digesting.getMessageDigest());
    }
  }

  /** What reading one file found. */
  private static final class Validation {
    long goodRows;
    long badLineCount;
    final List<BadLine> badLines = new ArrayList<>();
    String fatal;

    void bad(long line, String reason) {
      badLineCount++;
      if (badLines.size() < BAD_LINES_REPORTED) {
        badLines.add(new BadLine(line, reason));
      }
    }

    /** Why the whole file cannot be used, if it cannot. */
    Optional<String> unusable() {
      if (fatal != null) {
        return Optional.of(fatal);
      }
      if (goodRows == 0) {
        return Optional.of(
            badLineCount == 0
                ? "no readings after the header"
                : String.format(
                    Locale.ROOT,
                    "no valid reading in %,d lines (first: %s)",
                    badLineCount,
                    badLines.get(0)));
      }
      long lines = goodRows + badLineCount;
      if (badLineCount > MAX_BAD_SHARE * lines) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "%,d of %,d lines are not readings (more than %.0f%%; first: %s)",
                badLineCount,
                lines,
                MAX_BAD_SHARE * 100,
                badLines.get(0)));
      }
      return Optional.empty();
    }
  }
}
