package dev.platform.flink.turnstile;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A dead letter as a Kafka record of the dead-letter topic: the value is the original message,
 * unchanged, and the header {@value #REASON_HEADER} says why it could not be used.
 */
public final class DeadLetterRecords implements KafkaRecordSerializationSchema<DeadLetter> {
  public static final String REASON_HEADER = "reason";
  private final String topic;

  public DeadLetterRecords(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      DeadLetter deadLetter, KafkaSinkContext context, Long timestamp) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic, null, timestamp, null, deadLetter.message().getBytes(StandardCharsets.UTF_8));
    record.headers().add(REASON_HEADER, deadLetter.reason().getBytes(StandardCharsets.UTF_8));
    return record;
  }
}
