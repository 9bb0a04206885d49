package dev.platform.core.csv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How one kind of value is spelled in a CSV field: read and written.
 *
 * @param spelling what a field must look like, for the reason a bad field is given ("a whole
 *     number", "MM-dd-yy")
 * @param <V> the value
 */
public record CsvValue<V>(
    String spelling, Function<String, V> parser, Function<? super V, String> formatter) {

  /** Text as it is (stripped). */
  public static final CsvValue<String> TEXT =
      new CsvValue<>("text", Function.identity(), Function.identity());

  /** A whole number, {@code long}. */
  public static final CsvValue<Long> WHOLE_NUMBER =
      new CsvValue<>("a whole number", Long::valueOf, value -> Long.toString(value));

  /** A time of day, always with seconds ({@code HH:mm:ss}, unlike {@link LocalTime#toString()}). */
  public static final CsvValue<LocalTime> TIME =
      new CsvValue<>("HH:mm:ss", LocalTime::parse, CsvValue::formatTime);

  /** An ISO date, {@code yyyy-MM-dd}. */
  public static final CsvValue<LocalDate> ISO_DATE =
      new CsvValue<>("yyyy-MM-dd", LocalDate::parse, LocalDate::toString);

  /** A date in the given pattern. */
  public static CsvValue<LocalDate> date(String pattern) {
    DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern);
    return new CsvValue<>(
        pattern, text -> LocalDate.parse(text, format), value -> format.format(value));
  }

  /** A local date and time in the given pattern. */
  public static CsvValue<LocalDateTime> dateTime(String pattern) {
    DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern);
    return new CsvValue<>(
        pattern, text -> LocalDateTime.parse(text, format), value -> format.format(value));
  }

  /**
   * The value of a field.
   *
   * @throws IllegalArgumentException (a parse failure) when the text is not one
   */
  public V parse(String text) {
    return parser.apply(text);
  }

  public String format(V value) {
    return formatter.apply(value);
  }

  /**
   * The same spelling, each distinct text parsed once: for fields with few distinct values (the
   * dates and times of a weekly file). Thread-safe; forgets everything past a few thousand texts.
   */
  public CsvValue<V> remembered() {
    Map<String, V> known = new ConcurrentHashMap<>();
    return new CsvValue<>(
        spelling,
        text -> {
          V value = known.get(text);
          if (value == null) {
            value = parser.apply(text);
            if (known.size() >= 4_096) {
              known.clear();
            }
            known.put(text, value);
          }
          return value;
        },
        formatter);
  }

  /** True when {@code e} is what a parser throws for text that is no such value. */
  static boolean isBadText(RuntimeException e) {
    return e instanceof DateTimeParseException || e instanceof IllegalArgumentException;
  }

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
}
