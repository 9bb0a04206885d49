package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.cli.stack.DevComponents;
import dev.platform.devstack.ComponentState;
import dev.platform.devstack.ComponentStatus;
import dev.platform.metrics.MetricsSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev status}: each component's metrics address, where it has one. */
class StackTableTest {
  @TempDir Path home;

  @Test
  void showsTheWorkersMetricsAddressAndADashWithout() {
    var temporal = DevComponents.temporal(7233);
    var worker = DevComponents.worker(home, "localhost:7233");
    StringWriter text = new StringWriter();
    StackTable.print(
        new PrintWriter(text, true),
        List.of(
            new ComponentStatus(
                temporal, ComponentState.RUNNING, OptionalLong.of(11), home.resolve("t.log")),
            new ComponentStatus(
                worker, ComponentState.STOPPED, OptionalLong.empty(), home.resolve("w.log"))));
    List<String> lines = text.toString().lines().toList();
    assertTrue(lines.get(0).contains("METRICS"), lines.get(0));
    MetricsSettings settings = MetricsSettings.fromEnvironment();
    String expected =
        settings.port().isPresent() && settings.port().getAsInt() > 0
            ? "http://localhost:" + settings.port().getAsInt() + "/metrics"
            : "-";
    assertEquals(expected.equals("-") ? "" : expected, worker.metrics());
    assertTrue(lines.get(2).contains(expected), lines.get(2));
    assertTrue(
        lines.get(1).matches(".*grpc localhost:7233\\s+-\\s+.*"), "no metrics: " + lines.get(1));
  }
}
