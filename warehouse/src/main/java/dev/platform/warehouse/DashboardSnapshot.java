package dev.platform.warehouse;

import java.util.List;
import java.util.Map;

/**
 * The traffic dashboard's figures, written to the lake as {@code dashboard.json} after each load.
 * The API serves it as is: keep these names.
 */
public record DashboardSnapshot(
    String generatedAt,
    Map<String, Long> tables,
    Totals totals,
    List<Daily> daily,
    List<StationTraffic> busiestStations,
    HourlyProfile hourlyProfile,
    List<Check> checks,
    List<String> charts) {

  /** Traffic summed over everything loaded; unknownIntervals are set aside, never summed. */
  public record Totals(
      long batchEntries,
      long batchExits,
      long streamEntries,
      long streamExits,
      long unknownIntervals) {}

  /** One day's traffic of one source (date ISO, source batch or stream). */
  public record Daily(String date, String source, long entries, long exits) {}

  public record StationTraffic(String station, long entries, long exits) {}

  /** A station's traffic by hour of day (the hour an interval starts), all days together. */
  public record HourlyProfile(String station, List<Hour> hours) {}

  public record Hour(int hour, long entries, long exits) {}

  public record Check(String name, boolean passed, String detail) {}

  public DashboardSnapshot withCharts(List<String> names) {
    return new DashboardSnapshot(
        generatedAt, tables, totals, daily, busiestStations, hourlyProfile, checks, names);
  }
}
