package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileMessage;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
    try {
      return EventTime.toMillis(LocalDateTime.parse(last, TurnstileMessage.TIMESTAMP));
    } catch (DateTimeParseException e) {
      ParseResult<TurnstileMessage> parsed = TurnstileMessage.parse(message);
      return parsed.isOk() ? EventTime.toMillis(parsed.get().timestamp()) : Long.MIN_VALUE;
    }
  }
}
