package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.TurnstileMessage;
import java.time.LocalDate;
import java.util.Objects;
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

  /**
   * Written out (not the record's generated method): the key is hashed several times per message
   * (key group, each state access, timers), and the generated one goes through method handles.
   */
  @Override
  public int hashCode() {
    int h = Objects.hashCode(ca);
    h = 31 * h + Objects.hashCode(unit);
    h = 31 * h + Objects.hashCode(scp);
    h = 31 * h + Objects.hashCode(station);
    h = 31 * h + Objects.hashCode(linename);
    h = 31 * h + Objects.hashCode(division);
    h = 31 * h + Objects.hashCode(date);
    return 31 * h + Objects.hashCode(desc);
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof WindowKey k
            && Objects.equals(scp, k.scp)
            && Objects.equals(ca, k.ca)
            && Objects.equals(unit, k.unit)
            && Objects.equals(date, k.date)
            && Objects.equals(station, k.station)
            && Objects.equals(linename, k.linename)
            && Objects.equals(division, k.division)
            && Objects.equals(desc, k.desc));
  }

  public static WindowKey of(TurnstileMessage m) {
    return new WindowKey(
        m.ca(), m.unit(), m.scp(), m.station(), m.linename(), m.division(), m.date(), m.desc());
  }
}
