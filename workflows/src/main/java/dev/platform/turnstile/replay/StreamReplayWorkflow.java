package dev.platform.turnstile.replay;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.LocalDate;

/**
 * Replays a real week from the lake into Kafka as per-interval messages, paced in event time: the
 * stream side of the platform fed with data whose batch totals are known.
 */
@WorkflowInterface
public interface StreamReplayWorkflow {
  String TYPE = "StreamReplay";

  static String workflowId(LocalDate saturday) {
    return "stream-replay-" + saturday;
  }

  @WorkflowMethod(name = TYPE)
  ReplayResult replay(ReplayRequest request);
}
