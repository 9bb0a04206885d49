package dev.platform.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the demo shows at the end.
 *
 * @param tableRows rows per warehouse table
 * @param days batch and stream traffic of each replayed day
 * @param lateMessages messages the job set aside as later than the allowed lateness (in the lake)
 * @param model the served model: version, model, its test metrics
 * @param urls what to open
 * @param commands how to see the runs
 * @param seconds wall time of the whole demo
 */
public record DemoSummary(
    Map<String, Long> tableRows,
    List<DayTraffic> days,
    long lateMessages,
    String model,
    List<String> urls,
    List<String> commands,
    double seconds) {

  /** One replayed day: the batch path's intervals and the stream path's windows. */
  public record DayTraffic(
      LocalDate day, long batchEntries, long batchExits, long streamEntries, long streamExits) {}
}
