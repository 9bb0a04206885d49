package dev.platform.core.turnstile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A message of the live turnstile stream, in the original producer's format:
 *
 * <pre>
 * CA,UNIT,SCP,STATION,LINENAME,DIVISION,DATE,TIME,DESC,ENTRIES,EXITS,ID,TIMESTAMP
 * A002,R051,02-00-00,59 ST,NQR456W,BMT,01-06-24,08:00:00,REGULAR,12,7,5b0c...,2024-01-06 08:00:00
 * </pre>
 *
 * DATE is {@code MM-dd-yy}, TIMESTAMP {@code yyyy-MM-dd HH:mm:ss} (New York local time, the event
 * time), ID a unique message id (a UUID). Unlike batch readings, ENTRIES and EXITS are counts since
 * the turnstile's previous message: traffic, not counters.
 */
public record TurnstileMessage(
    String ca,
    String unit,
    String scp,
    String station,
    String linename,
    String division,
    LocalDate date,
    LocalTime time,
    String desc,
    long entries,
    long exits,
    String id,
    LocalDateTime timestamp) {

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
          "EXITS",
          "ID",
          "TIMESTAMP");

  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM-dd-yy");
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  public TurnstileId turnstile() {
    return new TurnstileId(ca, unit, scp);
  }

  /** The message as one CSV line (no line break). */
  public String format() {
    return String.join(
        ",",
        CsvLine.quote(ca),
        CsvLine.quote(unit),
        CsvLine.quote(scp),
        CsvLine.quote(station),
        CsvLine.quote(linename),
        CsvLine.quote(division),
        DATE.format(date),
        TIME.format(time),
        CsvLine.quote(desc),
        Long.toString(entries),
        Long.toString(exits),
        CsvLine.quote(id),
        TIMESTAMP.format(timestamp));
  }

  /** Parses one message; the problem says which field is wrong and why. */
  public static ParseResult<TurnstileMessage> parse(String line) {
    if (line == null || line.isBlank()) {
      return ParseResult.bad("empty message");
    }
    List<String> f = CsvLine.split(line);
    if (f.size() != COLUMNS.size()) {
      return ParseResult.bad("expected " + COLUMNS.size() + " fields, found " + f.size());
    }
    if (f.get(0).isEmpty() || f.get(1).isEmpty() || f.get(2).isEmpty()) {
      return ParseResult.bad("CA, UNIT and SCP must not be empty");
    }
    if (f.get(11).isEmpty()) {
      return ParseResult.bad("ID must not be empty");
    }
    LocalDate date;
    LocalTime time;
    LocalDateTime timestamp;
    long entries;
    long exits;
    try {
      date = LocalDate.parse(f.get(6), DATE);
    } catch (DateTimeParseException e) {
      return ParseResult.bad("DATE: not MM-dd-yy: " + TurnstileCsv.abbreviate(f.get(6)));
    }
    try {
      time = LocalTime.parse(f.get(7));
    } catch (DateTimeParseException e) {
      return ParseResult.bad("TIME: not HH:mm:ss: " + TurnstileCsv.abbreviate(f.get(7)));
    }
    try {
      timestamp = LocalDateTime.parse(f.get(12), TIMESTAMP);
    } catch (DateTimeParseException e) {
      return ParseResult.bad(
          "TIMESTAMP: not yyyy-MM-dd HH:mm:ss: " + TurnstileCsv.abbreviate(f.get(12)));
    }
    try {
      entries = Long.parseLong(f.get(9));
      exits = Long.parseLong(f.get(10));
    } catch (NumberFormatException e) {
      return ParseResult.bad("ENTRIES/EXITS: not whole numbers");
    }
    if (entries < 0 || exits < 0) {
      return ParseResult.bad("ENTRIES/EXITS: counts must not be negative");
    }
    return ParseResult.ok(
        new TurnstileMessage(
            f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), date, time, f.get(8),
            entries, exits, f.get(11), timestamp));
  }
}
