package dev.platform.flink.turnstile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against the test broker: topics, producing lines, reading a topic back. */
final class TestKafka {
  private final String bootstrapServers;

  TestKafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  /** Sends lines in order, keyed by turnstile (CA|UNIT|SCP) like the producer, and waits. */
  void produce(String topic, List<String> lines) {
    try (KafkaProducer<String, String> producer = producer()) {
      for (String line : lines) {
        producer.send(new ProducerRecord<>(topic, turnstileKey(line), line));
      }
      producer.flush();
    }
  }

  /** Sends one line to each partition. */
  void produceToEveryPartition(String topic, int partitions, String line) {
    try (KafkaProducer<String, String> producer = producer()) {
      for (int p = 0; p < partitions; p++) {
        producer.send(new ProducerRecord<>(topic, p, null, line));
      }
      producer.flush();
    }
  }

  /** Every record of the topic as of now. */
  List<ConsumerRecord<String, String>> readAll(String topic) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private KafkaProducer<String, String> producer() {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1"); // see TurnstileProducer
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  private static String turnstileKey(String line) {
    String[] f = line.split(",", 4);
    return f.length < 4 ? line : f[0] + "|" + f[1] + "|" + f[2];
  }
}
