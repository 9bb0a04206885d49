package dev.platform.flink.turnstile;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * One of the job's counts, kept twice: as a Flink metric (live, per subtask, in the web UI and
 * reporters) and as an accumulator (summed over subtasks in the REST API's {@code
 * /jobs/<id>/accumulators} and in the result of a finished job).
 */
final class JobCounter {
  private final Counter metric;
  private final LongCounter total;

  private JobCounter(Counter metric, LongCounter total) {
    this.metric = metric;
    this.total = total;
  }

  static JobCounter register(RuntimeContext context, String name) {
    LongCounter total = new LongCounter();
    context.addAccumulator(name, total);
    return new JobCounter(context.getMetricGroup().counter(name), total);
  }

  void inc() {
    metric.inc();
    total.add(1L);
  }

  long count() {
    return total.getLocalValue();
  }
}
