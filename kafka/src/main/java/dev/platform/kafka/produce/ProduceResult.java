package dev.platform.kafka.produce;

import java.time.Duration;
import java.util.Optional;

/**
 * What a producer run did.
 *
 * @param sent messages handed to the producer
 * @param acknowledged messages the cluster acknowledged (acks=all)
 * @param failed messages that could not be delivered
 * @param elapsed from the first send to the last acknowledgement
 * @param firstError the first delivery error, if any
 */
public record ProduceResult(
    long sent, long acknowledged, long failed, Duration elapsed, Optional<String> firstError) {

  public double messagesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? acknowledged / seconds : 0;
  }

  public String describe() {
    return String.format(
        "sent %,d, acknowledged %,d, failed %,d in %.1f s (%,.0f msg/s)%s",
        sent,
        acknowledged,
        failed,
        elapsed.toNanos() / 1e9,
        messagesPerSecond(),
        firstError.map(error -> "; first error: " + error).orElse(""));
  }
}
