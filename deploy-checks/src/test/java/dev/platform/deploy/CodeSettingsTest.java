package dev.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeSettingsTest {
  @Test
  void findsTheSettingsEachModuleReads() {
    Set<String> names = CodeSettings.read(Repository.current());
    for (String name :
        List.of(
            "PLATFORM_HOME", // PlatformEnvironment.value(...) in core, and PlatformHome
            "PLATFORM_LAKE",
            "PLATFORM_WAREHOUSE",
            "TEMPORAL_ADDRESS", // TemporalSettings: env.get(...)
            "TEMPORAL_API_KEY",
            "PLATFORM_WORKER_METRICS_PORT", // a constant in MetricsSettings
            "PORT", // api application.yml ${PORT:8080}
            "PLATFORM_MODEL_DIR",
            "KAFKA_BOOTSTRAP_SERVERS", // KafkaSettings
            "STREAM_CHECKPOINT_DIR")) { // flink-jobs' JobOptions computes it, its usage names it
      assertTrue(names.contains(name), name + " in " + names);
    }
    assertFalse(names.contains("FLINK_PROPERTIES"), "no setting of the Flink image's own");
  }
}
