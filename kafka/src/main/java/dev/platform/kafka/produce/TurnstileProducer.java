package dev.platform.kafka.produce;

import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.kafka.config.KafkaSettings;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends turnstile messages to the stream topic: key = the turnstile ({@code CA|UNIT|SCP}, so one
 * turnstile's messages stay in order on one partition), value = the message line. Idempotent
 * producer with {@code acks=all} and one request in flight: a retried send is written once.
 */
public final class TurnstileProducer implements AutoCloseable {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);
  private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

  private final Producer<String, String> producer;
  private final String topic;

  public TurnstileProducer(KafkaSettings settings) {
    this.producer = new KafkaProducer<>(properties(settings));
    this.topic = settings.topic();
  }

  /** The producer's configuration: the settings' connection plus idempotence and batching. */
  public static Properties properties(KafkaSettings settings) {
    Properties props = settings.clientProperties();
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "platform-turnstile-producer");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // One request in flight: with five, a request whose response is lost on a busy machine is
    // retried behind later acknowledged batches and refused as out of order until it expires.
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return props;
  }

  /**
   * Sends messages until they run out or a limit is reached, then waits for every acknowledgement.
   *
   * @param progress receives a line every two seconds and none at the end (see the result)
   */
  public ProduceResult produce(
      Iterator<TurnstileMessage> messages, ProduceLimits limits, Consumer<String> progress) {
    return produce(messages, limits, progress, () -> false);
  }

  /**
   * Like {@link #produce(Iterator, ProduceLimits, Consumer)}, also stopping as soon as {@code stop}
   * says so (Ctrl-C); what was sent is still flushed and counted.
   */
  public ProduceResult produce(
      Iterator<TurnstileMessage> messages,
      ProduceLimits limits,
      Consumer<String> progress,
      BooleanSupplier stop) {
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    awaitPartitionLeaders();
    long start = System.nanoTime();
    long stopAt = limits.duration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
    long maxCount = limits.count().orElse(Long.MAX_VALUE);
    Pacer pacer = new Pacer(limits.ratePerSecond(), limits.speedup(), start);
    long sent = 0;
    long nextProgress = start + PROGRESS_EVERY.toNanos();
    // a failed delivery has exhausted the producer's retries: stop rather than fail every message
    while (sent < maxCount
        && failed.get() == 0
        && !stop.getAsBoolean()
        && messages.hasNext()
        && !Thread.currentThread().isInterrupted()) {
      TurnstileMessage message = messages.next();
      pacer.await(message, stopAt, stop);
      long now = System.nanoTime();
      if (now >= stopAt || stop.getAsBoolean()) {
        break;
      }
      producer.send(
          new ProducerRecord<>(topic, message.turnstile().key(), message.format()),
          (metadata, error) -> {
            if (error == null) {
              acknowledged.incrementAndGet();
            } else {
              failed.incrementAndGet();
              firstError.compareAndSet(null, error.toString());
            }
          });
      sent++;
      if (now >= nextProgress) {
        progress.accept(
            String.format(
                "%,d sent, %,d acknowledged, %,d failed (%,.0f msg/s); last event %s",
                sent,
                acknowledged.get(),
                failed.get(),
                sent / ((now - start) / 1e9),
                TurnstileMessage.TIMESTAMP.format(message.timestamp())));
        nextProgress = now + PROGRESS_EVERY.toNanos();
      }
    }
    producer.flush();
    return new ProduceResult(
        sent,
        acknowledged.get(),
        failed.get(),
        Duration.ofNanos(System.nanoTime() - start),
        Optional.ofNullable(firstError.get()));
  }

  /**
   * Waits until this producer's own metadata names a leader for every partition of the topic: a
   * batch for a partition it still sees without one can sit until its delivery timeout.
   */
  private void awaitPartitionLeaders() {
    long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
    while (producer.partitionsFor(topic).stream()
        .anyMatch(partition -> partition.leader() == null || partition.leader().isEmpty())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no leader for every partition of "
                + topic
                + " after "
                + LEADER_WAIT.toSeconds()
                + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
