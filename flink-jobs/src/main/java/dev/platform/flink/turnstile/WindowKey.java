package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** The original grouping key of the stream windows. */
public record WindowKey(
    String ca,
    String unit,
    String scp,
    String station,
    String linename,
    String division,
    @TypeInfo(JavaTimeTypes.LocalDates.class) LocalDate date,
    String desc) {

  public static WindowKey of(TurnstileMessage m) {
    return new WindowKey(
        m.ca(), m.unit(), m.scp(), m.station(), m.linename(), m.division(), m.date(), m.desc());
  }
}
