package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileMessage;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * The event time of a raw message, read at the source so that watermarks are tracked per Kafka
 * partition. Reads only the last field (TIMESTAMP) and falls back to the full codec when that is
 * not enough; a message without a valid TIMESTAMP gets {@link Long#MIN_VALUE}, which moves no
 * watermark (the parser dead-letters it).
 */
public final class MessageTimestamps implements SerializableTimestampAssigner<String> {

  @Override
  public long extractTimestamp(String message, long recordTimestamp) {
    return eventTimeOf(message);
  }

  static long eventTimeOf(String message) {
    if (message == null) {
      return Long.MIN_VALUE;
    }
    String last = message.substring(message.lastIndexOf(',') + 1).strip();
    if (last.length() > 1 && last.startsWith("\"") && last.endsWith("\"")) {
      last = last.substring(1, last.length() - 1).strip();
    }
    LocalDateTime time = fixedWidth(last);
    if (time != null) {
      return EventTime.toMillis(time);
    }
    ParseResult<TurnstileMessage> parsed = TurnstileMessage.parse(message);
    return parsed.isOk() ? EventTime.toMillis(parsed.get().timestamp()) : Long.MIN_VALUE;
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss} read by position (a formatter is several times slower, and this
   * runs for every message), or null when the text is not exactly that.
   */
  static LocalDateTime fixedWidth(String t) {
    if (t.length() != 19
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != ' '
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(String t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
