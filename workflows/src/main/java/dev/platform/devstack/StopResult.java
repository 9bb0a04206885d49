package dev.platform.devstack;

import java.util.OptionalLong;

/** What {@link DevStack#stop} did to one component. */
public record StopResult(String name, OptionalLong pid, Outcome outcome) {

  public enum Outcome {
    /** exited after SIGTERM */
    STOPPED,
    /** did not exit within the grace period and was killed */
    KILLED,
    /** no pid file */
    NOT_RUNNING,
    /** the pid file named a process that is gone or is another program; file removed */
    STALE_PID_REMOVED
  }
}
