package dev.platform.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.consume.PlainConsumerBenchmark;
import dev.platform.kafka.produce.KnownTurnstiles;
import dev.platform.kafka.produce.ProduceLimits;
import dev.platform.kafka.produce.SyntheticMessages;
import dev.platform.kafka.produce.TurnstileProducer;
import dev.platform.kafka.topics.KafkaTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerRestartTest {
  @TempDir Path dir;

  @Test
  void aBrokerStartedAgainOnItsFolderKeepsItsTopicsAndMessages() throws Exception {
    Path folder = dir.resolve("kafka");
    String meta;
    try (LocalKafkaBroker first = LocalKafkaBroker.start(folder)) {
      KafkaSettings settings = KafkaSettings.local(first.bootstrapServers());
      KafkaTopics.ensure(settings);
      try (TurnstileProducer producer = new TurnstileProducer(settings)) {
        producer.produce(
            new SyntheticMessages(KnownTurnstiles.SAMPLE), ProduceLimits.count(300), line -> {});
      }
      meta = clusterId(first);
    }
    assertFalse(Files.exists(folder.resolve("ready")), "a stopped broker is not ready");

    // other free ports: the configuration is rewritten, the data and cluster id stay
    try (LocalKafkaBroker second = LocalKafkaBroker.start(folder)) {
      KafkaSettings settings = KafkaSettings.local(second.bootstrapServers());
      assertEquals(meta, clusterId(second), "not formatted again");
      assertEquals(
          List.of(), KafkaTopics.ensure(settings).created(), "the topics survived the restart");
      assertEquals(
          300,
          PlainConsumerBenchmark.run(settings, settings.topic(), Duration.ofSeconds(60)).records());
    }
  }

  private static String clusterId(LocalKafkaBroker broker) throws java.io.IOException {
    return Files.readAllLines(broker.config().dataDir().resolve("meta.properties")).stream()
        .filter(line -> line.startsWith("cluster.id="))
        .findFirst()
        .orElseThrow();
  }
}
