package dev.platform.cli;

import dev.platform.temporal.TemporalSettings;
import picocli.CommandLine.Option;

/** Where commands that talk to Temporal connect: the environment, or {@code --address}. */
final class TemporalOptions {
  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      description = "Temporal server (default: TEMPORAL_ADDRESS, else localhost:7233).")
  String address;

  TemporalSettings settings() {
    TemporalSettings environment = TemporalSettings.fromEnvironment();
    if (address == null || address.isBlank()) {
      return environment;
    }
    return new TemporalSettings(
        address.strip(),
        environment.namespace(),
        true,
        environment.tlsCertPath(),
        environment.tlsKeyPath(),
        environment.apiKey());
  }
}
