package dev.platform.metrics;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Where the worker serves its metrics: {@code PLATFORM_WORKER_METRICS_PORT}, default {@value
 * #DEFAULT_PORT}; {@code off} serves none, {@code 0} any free port.
 *
 * @param port the port, empty when off
 * @param configured whether the variable named the port (then a busy port is an error; the default
 *     port being busy only costs the metrics)
 */
public record MetricsSettings(OptionalInt port, boolean configured) {
  public static final String VARIABLE = "PLATFORM_WORKER_METRICS_PORT";
  public static final int DEFAULT_PORT = 9464;

  public static MetricsSettings fromEnvironment() {
    return from(System.getenv());
  }

  public static MetricsSettings from(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return new MetricsSettings(OptionalInt.of(DEFAULT_PORT), false);
    }
    String port = value.strip();
    if (port.equalsIgnoreCase("off")) {
      return new MetricsSettings(OptionalInt.empty(), true);
    }
    try {
      int number = Integer.parseInt(port);
      if (number < 0 || number > 65535) {
        throw new NumberFormatException();
      }
      return new MetricsSettings(OptionalInt.of(number), true);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          VARIABLE + " must be a port number (0-65535) or off, got '" + port + "'");
    }
  }
}
