package dev.platform.kafka.consume;

import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.kafka.config.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The baseline of {@code bench stream}: one plain consumer reads a topic from the beginning to the
 * end offsets it had when it started, and parses every message with the shared codec. No consumer
 * group, no commits: it changes nothing on the cluster.
 */
public final class PlainConsumerBenchmark {
  private static final Duration POLL = Duration.ofMillis(500);

  private PlainConsumerBenchmark() {}

  /**
   * What was read.
   *
   * @param records messages read
   * @param parsed messages that parsed
   * @param malformed messages that did not
   * @param entries sum of ENTRIES over the parsed messages (a check that parsing did real work)
   * @param elapsed from the first poll to the last record
   */
  public record Result(long records, long parsed, long malformed, long entries, Duration elapsed) {
    public double eventsPerSecond() {
      double seconds = elapsed.toNanos() / 1e9;
      return seconds > 0 ? records / seconds : 0;
    }

    public String describe() {
      return String.format(
          "plain consumer: %,d records (%,d parsed, %,d malformed) in %.2f s: %,.0f events/s",
          records, parsed, malformed, elapsed.toNanos() / 1e9, eventsPerSecond());
    }
  }

  /**
   * Reads {@code topic} from its beginning to its current end.
   *
   * @param timeout give up when the end is not reached in this time
   * @throws IllegalStateException on timeout
   */
  public static Result run(KafkaSettings settings, String topic, Duration timeout) {
    Properties props = settings.clientProperties();
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "platform-plain-consumer-bench");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(64 * 1024));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      List<TopicPartition> partitions =
          infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      Map<TopicPartition, Long> begin =
          consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
      long expected = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
      long records = 0;
      long parsed = 0;
      long entries = 0;
      long start = System.nanoTime();
      long last = start;
      long deadline = start + timeout.toNanos();
      while (records < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "read " + records + " of " + expected + " records of " + topic + " in " + timeout);
        }
        ConsumerRecords<String, String> batch = consumer.poll(POLL);
        for (ConsumerRecord<String, String> record : batch) {
          records++;
          var result = TurnstileMessage.parse(record.value());
          if (result.isOk()) {
            parsed++;
            entries += result.get().entries();
          }
        }
        if (!batch.isEmpty()) {
          last = System.nanoTime();
        }
      }
      return new Result(records, parsed, records - parsed, entries, Duration.ofNanos(last - start));
    }
  }
}
