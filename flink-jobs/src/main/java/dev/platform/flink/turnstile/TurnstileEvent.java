package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.LocalDateTime;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A parsed message as it flows through the job: its id, window key, counts, event time and the raw
 * line (what the late folder keeps).
 */
public record TurnstileEvent(
    String id,
    WindowKey key,
    long entries,
    long exits,
    @TypeInfo(JavaTimeTypes.LocalDateTimes.class) LocalDateTime eventTime,
    String raw) {

  public static TurnstileEvent of(TurnstileMessage message, String raw) {
    return new TurnstileEvent(
        message.id(),
        WindowKey.of(message),
        message.entries(),
        message.exits(),
        message.timestamp(),
        raw);
  }
}
