package dev.platform.core.turnstile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One window of the stream, as the Flink job writes it to the lake and the warehouse loads it:
 *
 * <pre>
 * CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,DESC,WINDOW_START,WINDOW_END,ENTRIES,EXITS
 * A002,R051,02-00-00,59 ST,NQR456W,BMT,2024-01-06,REGULAR,2024-01-06 08:00:00,2024-01-06 08:05:00,12,7
 * </pre>
 *
 * Grouped by the original key (CA, UNIT, SCP, STATION, LINENAME, DIVISION, DATE, DESC);
 * WINDOW_START inclusive, WINDOW_END exclusive, both New York local time; ENTRIES and EXITS are
 * counts within the window (traffic).
 */
public record StreamAggregate(
    String ca,
    String unit,
    String scp,
    String station,
    String linename,
    String division,
    LocalDate date,
    String desc,
    LocalDateTime windowStart,
    LocalDateTime windowEnd,
    long entries,
    long exits) {

  public static final List<String> COLUMNS =
      List.of(
          "CA",
          "UNIT",
          "SCP",
          "STATION",
          "LINENAME",
          "DIVISION",
          "DATE",
          "DESC",
          "WINDOW_START",
          "WINDOW_END",
          "ENTRIES",
          "EXITS");

  /** The header line of stream files. */
  public static final String HEADER = String.join(",", COLUMNS);

  public TurnstileId turnstile() {
    return new TurnstileId(ca, unit, scp);
  }

  /** One CSV line (no line break). */
  public String format() {
    return String.join(
        ",",
        CsvLine.quote(ca),
        CsvLine.quote(unit),
        CsvLine.quote(scp),
        CsvLine.quote(station),
        CsvLine.quote(linename),
        CsvLine.quote(division),
        date.toString(),
        CsvLine.quote(desc),
        TurnstileMessage.TIMESTAMP.format(windowStart),
        TurnstileMessage.TIMESTAMP.format(windowEnd),
        Long.toString(entries),
        Long.toString(exits));
  }

  public static ParseResult<StreamAggregate> parse(String line) {
    if (line == null || line.isBlank()) {
      return ParseResult.bad("empty line");
    }
    List<String> f = CsvLine.split(line);
    if (f.size() != COLUMNS.size()) {
      return ParseResult.bad("expected " + COLUMNS.size() + " fields, found " + f.size());
    }
    try {
      return ParseResult.ok(
          new StreamAggregate(
              f.get(0),
              f.get(1),
              f.get(2),
              f.get(3),
              f.get(4),
              f.get(5),
              LocalDate.parse(f.get(6)),
              f.get(7),
              LocalDateTime.parse(f.get(8), TurnstileMessage.TIMESTAMP),
              LocalDateTime.parse(f.get(9), TurnstileMessage.TIMESTAMP),
              Long.parseLong(f.get(10)),
              Long.parseLong(f.get(11))));
    } catch (DateTimeParseException | NumberFormatException e) {
      return ParseResult.bad(e.getMessage());
    }
  }
}
