package dev.platform.turnstile.replay;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface StreamReplayActivities {
  @ActivityMethod(name = "ReplayWeek")
  ReplayResult replayWeek(ReplayRequest request);
}
