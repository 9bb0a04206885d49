package dev.platform.kafka.topics;

import dev.platform.kafka.config.KafkaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The turnstile topics, created idempotently: the stream ({@code mta-turnstile}, 3 partitions by
 * default) and its dead letters ({@code mta-turnstile-dlq}, 1). Existing topics are left as they
 * are (their partition count included). Replication is the cluster's default.
 */
public final class KafkaTopics {
  public static final int DEFAULT_PARTITIONS = 3;
  public static final int DEFAULT_DLQ_PARTITIONS = 1;
  private static final long TIMEOUT_SECONDS = 30;

  private KafkaTopics() {}

  /** What {@link #ensure} did. */
  public record Outcome(List<String> created, List<String> existing) {}

  /** The stream and dead-letter topics with the default partition counts. */
  public static Outcome ensure(KafkaSettings settings) {
    return ensure(settings, DEFAULT_PARTITIONS, DEFAULT_DLQ_PARTITIONS);
  }

  public static Outcome ensure(KafkaSettings settings, int partitions, int dlqPartitions) {
    return ensure(
        settings, Map.of(settings.topic(), partitions, settings.dlqTopic(), dlqPartitions));
  }

  /** Creates each missing topic with its partition count. */
  public static Outcome ensure(KafkaSettings settings, Map<String, Integer> partitionsByTopic) {
    partitionsByTopic.forEach(
        (topic, partitions) -> {
          if (partitions < 1) {
            throw new IllegalArgumentException(
                "partitions of " + topic + " must be at least 1, was " + partitions);
          }
        });
    try (Admin admin = Admin.create(adminProperties(settings))) {
      Set<String> present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      List<String> existing = new ArrayList<>();
      partitionsByTopic.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              entry -> {
                if (present.contains(entry.getKey())) {
                  existing.add(entry.getKey());
                } else {
                  missing.add(
                      new NewTopic(
                          entry.getKey(), Optional.of(entry.getValue()), Optional.empty()));
                }
              });
      List<String> created = new ArrayList<>();
      CreateTopicsResult result = admin.createTopics(missing);
      for (NewTopic topic : missing) {
        try {
          result.values().get(topic.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
          created.add(topic.name());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          existing.add(topic.name()); // created by someone else meanwhile
        }
      }
      awaitLeaders(admin, created);
      return new Outcome(List.copyOf(created), List.copyOf(existing));
    } catch (ExecutionException e) {
      throw new KafkaTopicsException(
          "cannot create the topics on " + settings.describe() + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaTopicsException(
          "Kafka at "
              + settings.describe()
              + " did not answer in "
              + TIMEOUT_SECONDS
              + " s (is it running? `platform kafka start`)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaTopicsException("interrupted while creating topics", e);
    }
  }

  /**
   * Waits until every partition of the new topics has a leader: a producer writing to a partition
   * without one holds its records until they expire, which a busy broker can take long enough for.
   */
  private static void awaitLeaders(Admin admin, List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!topics.isEmpty()) {
      boolean led;
      try {
        led =
            admin
                .describeTopics(topics)
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .values()
                .stream()
                .flatMap(description -> description.partitions().stream())
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        led = false; // not known to the broker's metadata yet
      }
      if (led) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("no leader for every partition of " + topics);
      }
      Thread.sleep(100);
    }
  }

  /** The partition count of each existing topic among {@code topics}. */
  public static Map<String, Integer> partitions(KafkaSettings settings, List<String> topics) {
    try (Admin admin = Admin.create(adminProperties(settings))) {
      Map<String, Integer> counts = new java.util.TreeMap<>();
      admin
          .describeTopics(topics)
          .allTopicNames()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .forEach((name, description) -> counts.put(name, description.partitions().size()));
      return counts;
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaTopicsException("cannot describe " + topics + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaTopicsException("interrupted while describing topics", e);
    }
  }

  private static java.util.Properties adminProperties(KafkaSettings settings) {
    java.util.Properties props = settings.clientProperties();
    props.put("default.api.timeout.ms", Long.toString(TIMEOUT_SECONDS * 1000));
    return props;
  }

  /** A topic operation that failed; the message says on which cluster and why. */
  public static final class KafkaTopicsException extends IllegalStateException {
    public KafkaTopicsException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
