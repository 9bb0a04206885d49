package dev.platform.turnstile.stream;

import dev.platform.turnstile.stream.StreamTypes.JobOutcome;
import dev.platform.turnstile.stream.StreamTypes.RunningJob;
import dev.platform.turnstile.stream.StreamTypes.StreamJobRequest;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Optional;

/** Orchestration only: start, watch, restart from the latest checkpoint. */
public class TurnstileStreamWorkflowImpl implements TurnstileStreamWorkflow {
  /** Past this many events the run continues as a new one, keeping histories short. */
  static final int HISTORY_LIMIT = 2_000;

  private final TurnstileStreamActivities activities =
      Workflow.newActivityStub(
          TurnstileStreamActivities.class,
          StreamActivityOptions.defaults(),
          StreamActivityOptions.perActivity());
  private String status = "starting";

  @Override
  public String run(StreamJobRequest request) {
    Optional<String> restoreFrom = request.restoreFrom();
    int restarts = 0;
    while (true) {
      RunningJob job = activities.start(request, restoreFrom);
      status =
          String.format(
              "job %s %s at %s%s",
              job.jobId(),
              job.reused() ? "adopted" : "started",
              job.restUrl(),
              restoreFrom.map(point -> ", restored from " + point).orElse(""));
      JobOutcome outcome = activities.watch(job);
      if (outcome.finishedOnPurpose()) {
        status = "job " + job.jobId() + " " + outcome.state().toLowerCase();
        return status;
      }
      restarts++;
      if (restarts > request.maxRestarts()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "the stream job failed "
                + restarts
                + " times; last: "
                + outcome.state()
                + " "
                + outcome.detail(),
            "StreamJobFailed");
      }
      restoreFrom = activities.latestCheckpoint(job);
      status =
          String.format(
              "job %s %s (%s); restart %d from %s",
              job.jobId(),
              outcome.state(),
              outcome.detail(),
              restarts,
              restoreFrom.orElse("the committed offsets"));
      Workflow.sleep(Duration.ofSeconds(Math.min(60, 2L * restarts)));
      if (Workflow.getInfo().getHistoryLength() > HISTORY_LIMIT) {
        Workflow.continueAsNew(new StreamJobRequest(request.maxRestarts() - restarts, restoreFrom));
      }
    }
  }

  @Override
  public String status() {
    return status;
  }
}
