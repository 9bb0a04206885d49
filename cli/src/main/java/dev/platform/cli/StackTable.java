package dev.platform.cli;

import dev.platform.devstack.ComponentStatus;
import dev.platform.devstack.StopResult;
import java.io.PrintWriter;
import java.util.List;

/** How {@code dev}, {@code dev status} and {@code dev stop} show the stack. */
final class StackTable {
  private StackTable() {}

  static void print(PrintWriter out, List<ComponentStatus> statuses) {
    TextTable table = new TextTable("COMPONENT", "STATE", "PID", "WHERE", "METRICS", "LOG");
    for (ComponentStatus status : statuses) {
      table.row(
          status.name(),
          status.state().label(),
          status.pid().isPresent() ? status.pid().getAsLong() : "-",
          status.component().where(),
          status.component().metrics().isEmpty() ? "-" : status.component().metrics(),
          status.logFile());
    }
    table.print(out);
  }

  static String describe(StopResult result) {
    String pid = result.pid().isPresent() ? " (pid " + result.pid().getAsLong() + ")" : "";
    return result.name()
        + ": "
        + switch (result.outcome()) {
          case STOPPED -> "stopped" + pid;
          case KILLED -> "killed" + pid + " after it ignored SIGTERM";
          case NOT_RUNNING -> "not running";
          case STALE_PID_REMOVED -> "was not running; removed stale pid file" + pid;
        };
  }
}
