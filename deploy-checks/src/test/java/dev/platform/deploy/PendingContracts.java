package dev.platform.deploy;

import java.util.Set;

/**
 * What the deployment files already use from modules being built on other branches (the Kafka
 * settings, the flink-jobs module). Each entry is checked like the code's own once it arrives:
 * {@link PendingContractsTest} fails as soon as the code reads a setting or the root pom lists a
 * module named here, asking for its removal, so this list only ever shrinks.
 */
final class PendingContracts {
  static final Set<String> SETTINGS =
      Set.of(
          "KAFKA_BOOTSTRAP_SERVERS",
          "KAFKA_SECURITY_PROTOCOL",
          "KAFKA_SASL_MECHANISM",
          "KAFKA_SASL_USERNAME",
          "KAFKA_SASL_PASSWORD",
          "KAFKA_TOPIC",
          "KAFKA_DLQ_TOPIC",
          "STREAM_CHECKPOINT_DIR");

  static final Set<String> MODULES = Set.of("flink-jobs");

  private PendingContracts() {}
}
