package dev.platform.core.turnstile;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
  public static final List<String> COLUMNS =
      List.of(
          "CA",
          "UNIT",
          "SCP",
          "STATION",
          "LINENAME",
          "DIVISION",
          "DATE",
          "TIME",
          "DESC",
          "ENTRIES",
          "EXITS");

  /** The canonical header line. */
  public static final String HEADER = String.join(",", COLUMNS);

  private static final DateTimeFormatter PUBLIC_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private TurnstileCsv() {}

  /**
   * Reads a header line.
   *
   * @throws TurnstileFormatException when a column is missing or the line is no header
   */
  public static Header header(String line) {
    List<String> cells = CsvLine.split(stripBom(line));
    int[] positions = new int[COLUMNS.size()];
    java.util.Arrays.fill(positions, -1);
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).toUpperCase(Locale.ROOT).replace("C/A", "CA");
      int column = COLUMNS.indexOf(name);
      if (column >= 0) {
        positions[column] = i;
      }
    }
    List<String> missing = new ArrayList<>();
    for (int column = 0; column < positions.length; column++) {
      if (positions[column] < 0) {
        missing.add(COLUMNS.get(column));
      }
    }
    if (!missing.isEmpty()) {
      throw new TurnstileFormatException(
          "not a turnstile header (missing "
              + String.join(", ", missing)
              + "): "
              + abbreviate(line));
    }
    return new Header(positions, cells.size());
  }

  /** Formats a reading as a canonical line (no line break). */
  public static String format(TurnstileReading r) {
    return String.join(
        ",",
        CsvLine.quote(r.ca()),
        CsvLine.quote(r.unit()),
        CsvLine.quote(r.scp()),
        CsvLine.quote(r.station()),
        CsvLine.quote(r.linename()),
        CsvLine.quote(r.division()),
        r.date().toString(),
        formatTime(r.time()),
        CsvLine.quote(r.desc()),
        Long.toString(r.entries()),
        Long.toString(r.exits()));
  }

  /** A file's column positions, read from its header. */
  public static final class Header {
    private final int[] positions;
    private final int width;
    // a weekly file holds a few dozen distinct dates and times: parse each once
    private final Map<String, LocalDate> dates = new BoundedCache<>();
    private final Map<String, LocalTime> times = new BoundedCache<>();

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
      List<String> cells = CsvLine.split(line);
      if (cells.size() != width) {
        return ParseResult.bad("expected " + width + " fields, found " + cells.size());
      }
      String ca = cell(cells, 0);
      String unit = cell(cells, 1);
      String scp = cell(cells, 2);
      if (ca.isEmpty() || unit.isEmpty() || scp.isEmpty()) {
        return ParseResult.bad("CA, UNIT and SCP must not be empty");
      }
      LocalDate date;
      try {
        date = dates.computeIfAbsent(cell(cells, 6), TurnstileCsv::parseDate);
      } catch (DateTimeParseException e) {
        return ParseResult.bad("DATE: not MM/dd/yyyy: " + abbreviate(cell(cells, 6)));
      }
      LocalTime time;
      try {
        time = times.computeIfAbsent(cell(cells, 7), LocalTime::parse);
      } catch (DateTimeParseException e) {
        return ParseResult.bad("TIME: not HH:mm:ss: " + abbreviate(cell(cells, 7)));
      }
      long entries;
      long exits;
      try {
        entries = Long.parseLong(cell(cells, 9));
      } catch (NumberFormatException e) {
        return ParseResult.bad("ENTRIES: not a whole number: " + abbreviate(cell(cells, 9)));
      }
      try {
        exits = Long.parseLong(cell(cells, 10));
      } catch (NumberFormatException e) {
        return ParseResult.bad("EXITS: not a whole number: " + abbreviate(cell(cells, 10)));
      }
      if (entries < 0 || exits < 0) {
        return ParseResult.bad("ENTRIES and EXITS are counters and must not be negative");
      }
      return ParseResult.ok(
          new TurnstileReading(
              ca,
              unit,
              scp,
              cell(cells, 3),
              cell(cells, 4),
              cell(cells, 5),
              date,
              time,
              cell(cells, 8),
              entries,
              exits));
    }

    private String cell(List<String> cells, int column) {
      return cells.get(positions[column]);
    }
  }

  /** {@code HH:mm:ss}, always with seconds (unlike {@link LocalTime#toString()}). */
  private static String formatTime(LocalTime time) {
    char[] text = {
      digit(time.getHour() / 10), digit(time.getHour() % 10), ':',
      digit(time.getMinute() / 10), digit(time.getMinute() % 10), ':',
      digit(time.getSecond() / 10), digit(time.getSecond() % 10)
    };
    return new String(text);
  }

  private static char digit(int value) {
    return (char) ('0' + value);
  }

  /** A thread-safe memo that forgets everything when it grows past a few thousand entries. */
  private static final class BoundedCache<V> extends ConcurrentHashMap<String, V> {
    private static final int LIMIT = 4_096;

    @Override
    public V computeIfAbsent(String key, Function<? super String, ? extends V> compute) {
      V known = get(key);
      if (known != null) {
        return known;
      }
      if (size() >= LIMIT) {
        clear();
      }
      return super.computeIfAbsent(key, compute);
    }
  }

  static LocalDate parseDate(String text) {
    return text.indexOf('/') >= 0 ? LocalDate.parse(text, PUBLIC_DATE) : LocalDate.parse(text);
  }

  static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 57) + "...'";
  }
}
