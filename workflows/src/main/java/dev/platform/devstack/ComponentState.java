package dev.platform.devstack;

/** What the pid file of a component says about it. */
public enum ComponentState {
  /** the recorded pid runs and is this component */
  RUNNING,
  /** no pid file */
  STOPPED,
  /** a pid file whose process is gone or is now another program */
  STALE;

  public String label() {
    return this == STALE ? "stale pid" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
