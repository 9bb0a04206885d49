package dev.platform.core.turnstile;

import dev.platform.core.csv.CsvColumn;
import dev.platform.core.csv.CsvLayout;
import dev.platform.core.csv.CsvRecordException;
import dev.platform.core.csv.CsvRow;
import dev.platform.core.csv.CsvValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

  private static final CsvValue<LocalDateTime> WINDOW_TIME =
      CsvValue.dateTime("yyyy-MM-dd HH:mm:ss");

  /** The window file's columns, in order. */
  static final CsvLayout<StreamAggregate> LAYOUT = new CsvLayout<>();

  static final CsvColumn<StreamAggregate, String> CA = LAYOUT.text("CA", StreamAggregate::ca);
  static final CsvColumn<StreamAggregate, String> UNIT = LAYOUT.text("UNIT", StreamAggregate::unit);
  static final CsvColumn<StreamAggregate, String> SCP = LAYOUT.text("SCP", StreamAggregate::scp);
  static final CsvColumn<StreamAggregate, String> STATION =
      LAYOUT.text("STATION", StreamAggregate::station);
  static final CsvColumn<StreamAggregate, String> LINENAME =
      LAYOUT.text("LINENAME", StreamAggregate::linename);
  static final CsvColumn<StreamAggregate, String> DIVISION =
      LAYOUT.text("DIVISION", StreamAggregate::division);
  static final CsvColumn<StreamAggregate, LocalDate> DATE =
      LAYOUT.add("DATE", StreamAggregate::date, CsvValue.ISO_DATE);
  static final CsvColumn<StreamAggregate, String> DESC = LAYOUT.text("DESC", StreamAggregate::desc);
  static final CsvColumn<StreamAggregate, LocalDateTime> WINDOW_START =
      LAYOUT.add("WINDOW_START", StreamAggregate::windowStart, WINDOW_TIME);
  static final CsvColumn<StreamAggregate, LocalDateTime> WINDOW_END =
      LAYOUT.add("WINDOW_END", StreamAggregate::windowEnd, WINDOW_TIME);
  static final CsvColumn<StreamAggregate, Long> ENTRIES =
      LAYOUT.add("ENTRIES", StreamAggregate::entries, CsvValue.WHOLE_NUMBER);
  static final CsvColumn<StreamAggregate, Long> EXITS =
      LAYOUT.add("EXITS", StreamAggregate::exits, CsvValue.WHOLE_NUMBER);

  public static final List<String> COLUMNS = LAYOUT.names();

  /** The header line of stream files. */
  public static final String HEADER = LAYOUT.header();

  public TurnstileId turnstile() {
    return new TurnstileId(ca, unit, scp);
  }

  /** One CSV line (no line break). */
  public String format() {
    return LAYOUT.format(this);
  }

  public static ParseResult<StreamAggregate> parse(String line) {
    if (line == null || line.isBlank()) {
      return ParseResult.bad("empty line");
    }
    try {
      return ParseResult.ok(LAYOUT.read(line, StreamAggregate::read));
    } catch (CsvRecordException e) {
      return ParseResult.bad(e.getMessage());
    }
  }

  private static StreamAggregate read(CsvRow row) {
    return new StreamAggregate(
        row.get(CA),
        row.get(UNIT),
        row.get(SCP),
        row.get(STATION),
        row.get(LINENAME),
        row.get(DIVISION),
        row.get(DATE),
        row.get(DESC),
        row.get(WINDOW_START),
        row.get(WINDOW_END),
        row.get(ENTRIES),
        row.get(EXITS));
  }
}
