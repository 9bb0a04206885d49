package dev.platform.core.turnstile;

import dev.platform.core.csv.CsvColumn;
import dev.platform.core.csv.CsvLayout;
import dev.platform.core.csv.CsvRecordException;
import dev.platform.core.csv.CsvRow;
import dev.platform.core.csv.CsvValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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

  public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM-dd-yy");
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** The message's columns, in order. */
  static final CsvLayout<TurnstileMessage> LAYOUT = new CsvLayout<>();

  static final CsvColumn<TurnstileMessage, String> CA_COLUMN =
      LAYOUT.text("CA", TurnstileMessage::ca);
  static final CsvColumn<TurnstileMessage, String> UNIT_COLUMN =
      LAYOUT.text("UNIT", TurnstileMessage::unit);
  static final CsvColumn<TurnstileMessage, String> SCP_COLUMN =
      LAYOUT.text("SCP", TurnstileMessage::scp);
  static final CsvColumn<TurnstileMessage, String> STATION_COLUMN =
      LAYOUT.text("STATION", TurnstileMessage::station);
  static final CsvColumn<TurnstileMessage, String> LINENAME_COLUMN =
      LAYOUT.text("LINENAME", TurnstileMessage::linename);
  static final CsvColumn<TurnstileMessage, String> DIVISION_COLUMN =
      LAYOUT.text("DIVISION", TurnstileMessage::division);
  static final CsvColumn<TurnstileMessage, LocalDate> DATE_COLUMN =
      LAYOUT.add("DATE", TurnstileMessage::date, CsvValue.date("MM-dd-yy"));
  static final CsvColumn<TurnstileMessage, LocalTime> TIME_COLUMN =
      LAYOUT.add("TIME", TurnstileMessage::time, CsvValue.TIME);
  static final CsvColumn<TurnstileMessage, String> DESC_COLUMN =
      LAYOUT.text("DESC", TurnstileMessage::desc);
  static final CsvColumn<TurnstileMessage, Long> ENTRIES_COLUMN =
      LAYOUT.add("ENTRIES", TurnstileMessage::entries, CsvValue.WHOLE_NUMBER);
  static final CsvColumn<TurnstileMessage, Long> EXITS_COLUMN =
      LAYOUT.add("EXITS", TurnstileMessage::exits, CsvValue.WHOLE_NUMBER);
  static final CsvColumn<TurnstileMessage, String> ID_COLUMN =
      LAYOUT.text("ID", TurnstileMessage::id);
  static final CsvColumn<TurnstileMessage, LocalDateTime> TIMESTAMP_COLUMN =
      LAYOUT.add(
          "TIMESTAMP", TurnstileMessage::timestamp, CsvValue.dateTime("yyyy-MM-dd HH:mm:ss"));

  public static final List<String> COLUMNS = LAYOUT.names();

  public TurnstileId turnstile() {
    return new TurnstileId(ca, unit, scp);
  }

  /** The message as one CSV line (no line break). */
  public String format() {
    return LAYOUT.format(this);
  }

  /** Parses one message; the problem says which field is wrong and why. */
  public static ParseResult<TurnstileMessage> parse(String line) {
    if (line == null || line.isBlank()) {
      return ParseResult.bad("empty message");
    }
    try {
      return ParseResult.ok(LAYOUT.read(line, TurnstileMessage::read));
    } catch (CsvRecordException e) {
      return ParseResult.bad(e.getMessage());
    }
  }

  private static TurnstileMessage read(CsvRow row) {
    String ca = row.text(CA_COLUMN);
    String unit = row.text(UNIT_COLUMN);
    String scp = row.text(SCP_COLUMN);
    if (ca.isEmpty() || unit.isEmpty() || scp.isEmpty()) {
      throw new CsvRecordException("CA, UNIT and SCP must not be empty");
    }
    String id = row.text(ID_COLUMN);
    if (id.isEmpty()) {
      throw new CsvRecordException("ID must not be empty");
    }
    LocalDate date = row.get(DATE_COLUMN);
    LocalTime time = row.get(TIME_COLUMN);
    LocalDateTime timestamp = row.get(TIMESTAMP_COLUMN);
    long entries = row.get(ENTRIES_COLUMN);
    long exits = row.get(EXITS_COLUMN);
    if (entries < 0 || exits < 0) {
      throw new CsvRecordException("ENTRIES/EXITS: counts must not be negative");
    }
    return new TurnstileMessage(
        ca,
        unit,
        scp,
        row.get(STATION_COLUMN),
        row.get(LINENAME_COLUMN),
        row.get(DIVISION_COLUMN),
        date,
        time,
        row.get(DESC_COLUMN),
        entries,
        exits,
        id,
        timestamp);
  }
}
