package dev.platform.kafka.produce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real turnstiles for synthetic messages: a built-in sample, or every turnstile of a weekly file.
 */
public final class KnownTurnstiles {
  /** Sixteen turnstiles from the MTA file of the week ending 2024-01-06, across all divisions. */
  public static final List<Turnstile> SAMPLE =
      List.of(
          new Turnstile("A002", "R051", "02-00-00", "59 ST", "NQR456W", "BMT"),
          new Turnstile("B009", "R411", "00-00-00", "PARK PLACE", "S", "BMT"),
          new Turnstile("D011", "R394", "01-06-01", "BAY PKWY", "N", "BMT"),
          new Turnstile("J016", "R381", "00-00-02", "HALSEY ST", "J", "BMT"),
          new Turnstile("N063A", "R011", "00-05-00", "42 ST-PORT AUTH", "ACENQRS1237W", "IND"),
          new Turnstile("N125", "R440", "00-00-00", "LIBERTY AV", "C", "IND"),
          new Turnstile("N310", "R140", "01-00-01", "QUEENS PLAZA", "EMR", "IND"),
          new Turnstile("N417", "R269", "00-00-01", "BEDFORD-NOSTRAN", "G", "IND"),
          new Turnstile("N558", "R130", "01-05-01", "KINGS HWY", "F", "IND"),
          new Turnstile("PTH16", "R550", "01-00-01", "LACKAWANNA", "1", "PTH"),
          new Turnstile("R134", "R272", "01-00-01", "28 ST", "1", "IRT"),
          new Turnstile("R197", "R117", "00-00-02", "V.CORTLANDT PK", "1", "IRT"),
          new Turnstile("R244", "R050", "00-00-04", "59 ST", "456NQRW", "IRT"),
          new Turnstile("R328", "R361", "00-05-00", "PELHAM PKWY", "25", "IRT"),
          new Turnstile("R528", "R097", "00-06-00", "JUNCTION BLVD", "7", "IRT"),
          new Turnstile("R645", "R110", "00-06-01", "FLATBUSH AV-B.C", "25", "IRT"));

  private KnownTurnstiles() {}

  /** The distinct turnstiles of a weekly file, in the order they first appear. */
  public static List<Turnstile> fromWeeklyFile(Path file) throws IOException {
    Map<String, Turnstile> turnstiles = new LinkedHashMap<>();
    WeeklyFileReader.read(
        file,
        reading -> turnstiles.putIfAbsent(reading.turnstile().key(), Turnstile.of(reading)),
        problem -> {});
    return List.copyOf(turnstiles.values());
  }

  /** The first {@code limit} turnstiles (all when {@code limit} is 0). */
  public static List<Turnstile> first(List<Turnstile> turnstiles, int limit) {
    return limit <= 0 || limit >= turnstiles.size()
        ? turnstiles
        : List.copyOf(turnstiles.subList(0, limit));
  }
}
