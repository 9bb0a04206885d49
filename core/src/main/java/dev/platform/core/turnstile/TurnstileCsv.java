package dev.platform.core.turnstile;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.platform.core.csv.Csv;
import dev.platform.core.csv.CsvColumn;
import dev.platform.core.csv.CsvLayout;
import dev.platform.core.csv.CsvRecordException;
import dev.platform.core.csv.CsvRow;
import dev.platform.core.csv.CsvValue;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The codec of turnstile reading files. Reads every variant of the public files: header {@code CA}
 * or {@code C/A}, with or without a leading row-number column, header and lines padded with spaces,
 * DATE {@code MM/dd/yyyy} (or ISO). Writes one canonical form, which the lake holds:
 *
 * <pre>
 * CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS
 * A002,R051,02-00-00,59 ST,NQR456W,BMT,2023-12-30,03:00:00,REGULAR,102019,73801
 * </pre>
 */
public final class TurnstileCsv {
  private static final DateTimeFormatter PUBLIC_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  /** The columns of the canonical form, in order; a public file may order them otherwise. */
  static final CsvLayout<TurnstileReading> LAYOUT = new CsvLayout<>();

  static final CsvColumn<TurnstileReading, String> CA = LAYOUT.text("CA", TurnstileReading::ca);
  static final CsvColumn<TurnstileReading, String> UNIT =
      LAYOUT.text("UNIT", TurnstileReading::unit);
  static final CsvColumn<TurnstileReading, String> SCP = LAYOUT.text("SCP", TurnstileReading::scp);
  static final CsvColumn<TurnstileReading, String> STATION =
      LAYOUT.text("STATION", TurnstileReading::station);
  static final CsvColumn<TurnstileReading, String> LINENAME =
      LAYOUT.text("LINENAME", TurnstileReading::linename);
  static final CsvColumn<TurnstileReading, String> DIVISION =
      LAYOUT.text("DIVISION", TurnstileReading::division);
  // a weekly file holds a few dozen distinct dates and times: each is parsed once
  static final CsvColumn<TurnstileReading, LocalDate> DATE =
      LAYOUT.add(
          "DATE",
          TurnstileReading::date,
          new CsvValue<>("MM/dd/yyyy", TurnstileCsv::parseDate, LocalDate::toString).remembered());
  static final CsvColumn<TurnstileReading, LocalTime> TIME =
      LAYOUT.add("TIME", TurnstileReading::time, CsvValue.TIME.remembered());
  static final CsvColumn<TurnstileReading, String> DESC =
      LAYOUT.text("DESC", TurnstileReading::desc);
  static final CsvColumn<TurnstileReading, Long> ENTRIES =
      LAYOUT.add("ENTRIES", TurnstileReading::entries, CsvValue.WHOLE_NUMBER);
  static final CsvColumn<TurnstileReading, Long> EXITS =
      LAYOUT.add("EXITS", TurnstileReading::exits, CsvValue.WHOLE_NUMBER);

  public static final List<String> COLUMNS = LAYOUT.names();

  /** The canonical header line. */
  public static final String HEADER = LAYOUT.header();

  private TurnstileCsv() {}

  /**
   * Reads a header line.
   *
   * @throws TurnstileFormatException when a column is missing or the line is no header
   */
  public static Header header(String line) {
    try {
      List<String> names = Csv.fields(stripBom(line));
      int[] positions =
          LAYOUT.positionsIn(names, name -> name.toUpperCase(Locale.ROOT).replace("C/A", "CA"));
      return new Header(positions, names.size());
    } catch (CsvRecordException | CsvParseException e) {
      throw new TurnstileFormatException(
          "not a turnstile header (" + e.getMessage() + "): " + CsvRecordException.quote(line));
    }
  }

  /** Formats a reading as a canonical line (no line break). */
  public static String format(TurnstileReading r) {
    return LAYOUT.format(r);
  }

  /** Writes a reading as a canonical line. */
  public static void write(CsvWriter out, TurnstileReading r) {
    LAYOUT.write(out, r);
  }

  /** A file's column positions, read from its header. */
  public static final class Header {
    private final int[] positions;
    private final int width;

    private Header(int[] positions, int width) {
      this.positions = positions;
      this.width = width;
    }

    /** True when the file has an unnamed leading column (the row numbers of pandas exports). */
    public boolean hasRowNumber() {
      return width > COLUMNS.size();
    }

    /** Parses one data line; the problem names the column and the reason. */
    public ParseResult<TurnstileReading> parse(String line) {
      if (line.isBlank()) {
        return ParseResult.bad("empty line");
      }
      try {
        return ParseResult.ok(LAYOUT.read(line, positions, width, TurnstileCsv::reading));
      } catch (CsvRecordException e) {
        return ParseResult.bad(e.getMessage());
      }
    }
  }

  private static TurnstileReading reading(CsvRow row) {
    String ca = row.text(CA);
    String unit = row.text(UNIT);
    String scp = row.text(SCP);
    if (ca.isEmpty() || unit.isEmpty() || scp.isEmpty()) {
      throw new CsvRecordException("CA, UNIT and SCP must not be empty");
    }
    LocalDate date = row.get(DATE);
    LocalTime time = row.get(TIME);
    long entries = row.get(ENTRIES);
    long exits = row.get(EXITS);
    if (entries < 0 || exits < 0) {
      throw new CsvRecordException("ENTRIES and EXITS are counters and must not be negative");
    }
    return new TurnstileReading(
        ca,
        unit,
        scp,
        row.get(STATION),
        row.get(LINENAME),
        row.get(DIVISION),
        date,
        time,
        row.get(DESC),
        entries,
        exits);
  }

  static LocalDate parseDate(String text) {
    return text.indexOf('/') >= 0 ? LocalDate.parse(text, PUBLIC_DATE) : LocalDate.parse(text);
  }

  static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }
}
