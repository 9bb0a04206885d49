package dev.platform.turnstile.stream;

import dev.platform.turnstile.stream.StreamTypes.JobOutcome;
import dev.platform.turnstile.stream.StreamTypes.RunningJob;
import dev.platform.turnstile.stream.StreamTypes.StreamJobRequest;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Optional;

@ActivityInterface
public interface TurnstileStreamActivities {

  /** Starts the job (or adopts the one already running), from {@code restoreFrom} if given. */
  @ActivityMethod(name = "StartStreamJob")
  RunningJob start(StreamJobRequest request, Optional<String> restoreFrom);

  /** Watches the job, heart-beating its state and counters, until it ends or its API is gone. */
  @ActivityMethod(name = "WatchStreamJob")
  JobOutcome watch(RunningJob job);

  /** The newest complete checkpoint to restart from, if there is one. */
  @ActivityMethod(name = "LatestCheckpoint")
  Optional<String> latestCheckpoint(RunningJob job);
}
