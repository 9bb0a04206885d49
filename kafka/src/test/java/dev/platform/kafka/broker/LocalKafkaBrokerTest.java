package dev.platform.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.consume.PlainConsumerBenchmark;
import dev.platform.kafka.produce.KnownTurnstiles;
import dev.platform.kafka.produce.ProduceLimits;
import dev.platform.kafka.produce.ProduceResult;
import dev.platform.kafka.produce.ReplayPlan;
import dev.platform.kafka.produce.ReplayPlanTest;
import dev.platform.kafka.produce.SyntheticMessages;
import dev.platform.kafka.produce.TurnstileProducer;
import dev.platform.kafka.topics.KafkaTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real broker (own JVM, free ports) for the whole class. */
class LocalKafkaBrokerTest {
  @TempDir static Path dir;
  static LocalKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = LocalKafkaBroker.start(dir.resolve("kafka"));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private static KafkaSettings settings(String topic) {
    return KafkaSettings.local(broker.bootstrapServers()).withTopics(topic, topic + "-dlq");
  }

  @Test
  void theBrokerRunsInItsOwnJvmWithItsDataAndLogInItsFolder() {
    BrokerConfig config = broker.config();
    assertTrue(broker.isAlive());
    assertTrue(config.formatted(), "storage formatted on first start");
    assertTrue(Files.isRegularFile(config.serverProperties()));
    assertTrue(Files.isRegularFile(config.log4jConfig()));
    assertTrue(Files.isRegularFile(config.readyFile()));
    assertEquals(java.util.Optional.of(config), BrokerConfig.existing(config.dir()));
    assertTrue(
        LocalKafkaBroker.tail(config.logFile(), 2000).contains("Kafka Server started"),
        "the broker logs through the written log4j2 configuration");
    String commandLine =
        ProcessHandle.of(broker.pid()).orElseThrow().info().commandLine().orElse("");
    assertTrue(commandLine.contains("broker-lib"), commandLine);
    assertFalse(
        System.getProperty("java.class.path").contains("kafka_2.13"),
        "the broker's jars stay off this JVM's class path");
  }

  @Test
  void topicsAreCreatedOnceWithTheirPartitions() {
    KafkaSettings settings = settings("topics-test");
    KafkaTopics.Outcome first = KafkaTopics.ensure(settings);
    assertEquals(List.of("topics-test", "topics-test-dlq"), first.created());
    KafkaTopics.Outcome second = KafkaTopics.ensure(settings, 5, 5);
    assertEquals(List.of(), second.created());
    assertEquals(List.of("topics-test", "topics-test-dlq"), second.existing());
    assertEquals(
        Map.of("topics-test", 3, "topics-test-dlq", 1),
        KafkaTopics.partitions(settings, List.of("topics-test", "topics-test-dlq")),
        "existing topics are left as they are");
  }

  @Test
  void syntheticMessagesArriveKeyedByTurnstileAndParse() {
    KafkaSettings settings = settings("synthetic-test");
    KafkaTopics.ensure(settings);
    List<String> progress = new ArrayList<>();
    ProduceResult result;
    try (TurnstileProducer producer = new TurnstileProducer(settings)) {
      result =
          producer.produce(
              new SyntheticMessages(KnownTurnstiles.SAMPLE),
              ProduceLimits.count(2_000).withRate(20_000),
              progress::add);
    }
    assertEquals(2_000, result.sent());
    assertEquals(
        2_000,
        result.acknowledged(),
        result.describe()
            + "\nbroker log:\n"
            + LocalKafkaBroker.tail(broker.config().logFile(), 60));
    assertEquals(0, result.failed());

    List<ConsumerRecord<String, String>> records = readAll(settings.topic(), 2_000);
    assertEquals(2_000, records.size());
    Map<String, Integer> partitionOfKey = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      ParseResult<TurnstileMessage> parsed = TurnstileMessage.parse(record.value());
      assertTrue(parsed.isOk(), parsed.problem() + ": " + record.value());
      assertEquals(parsed.get().turnstile().key(), record.key());
      Integer before = partitionOfKey.putIfAbsent(record.key(), record.partition());
      assertTrue(before == null || before == record.partition(), "one partition per turnstile");
    }
    assertEquals(KnownTurnstiles.SAMPLE.size(), partitionOfKey.size());

    PlainConsumerBenchmark.Result read =
        PlainConsumerBenchmark.run(settings, settings.topic(), Duration.ofSeconds(60));
    assertEquals(2_000, read.records());
    assertEquals(2_000, read.parsed());
    assertEquals(0, read.malformed());
    assertTrue(read.entries() > 0);
  }

  @Test
  void aReplayedWeekArrivesAsItsIntervalMessages() throws Exception {
    KafkaSettings settings = settings("replay-test");
    KafkaTopics.ensure(settings);
    ReplayPlan plan = ReplayPlan.of(ReplayPlanTest.handMadeWeek(dir));
    ProduceResult result;
    try (TurnstileProducer producer = new TurnstileProducer(settings)) {
      // 4 hours of event time in 0.5 s: pacing by event time, then done when the plan runs out
      result =
          producer.produce(
              plan.messages().iterator(),
              new ProduceLimits(
                  java.util.OptionalLong.empty(), java.util.Optional.empty(), 0, 16 * 3600 / 0.5),
              line -> {});
    }
    assertEquals(5, result.acknowledged(), result.describe());
    assertTrue(result.elapsed().toMillis() >= 400, "paced by event time: " + result.elapsed());
    List<ConsumerRecord<String, String>> records = readAll(settings.topic(), 5);
    Map<String, Long> entriesByTurnstile = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      TurnstileMessage message = TurnstileMessage.parse(record.value()).get();
      entriesByTurnstile.merge(record.key(), message.entries(), Long::sum);
    }
    assertEquals(Map.of("A002|R051|02-00-00", 51L, "R134|R272|01-00-01", 60L), entriesByTurnstile);
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
    Properties props = KafkaSettings.local(broker.bootstrapServers()).clientProperties();
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      // nothing more than expected arrives
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    return records;
  }
}
