package dev.platform.turnstile.replay;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.kafka.config.KafkaSettings;
import dev.platform.kafka.produce.ProduceLimits;
import dev.platform.kafka.produce.ProduceResult;
import dev.platform.kafka.produce.ReplayPlan;
import dev.platform.kafka.produce.TurnstileProducer;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the week's lake file, plans its interval messages and sends them, heart-beating. */
public class StreamReplayActivitiesImpl implements StreamReplayActivities {
  private final Lake lake;
  private final KafkaSettings kafka;
  private final Path workFolder;

  public StreamReplayActivitiesImpl(Lake lake, KafkaSettings kafka, Path workFolder) {
    this.lake = lake;
    this.kafka = kafka;
    this.workFolder = workFolder;
  }

  @Override
  public ReplayResult replayWeek(ReplayRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    String key = LakeLayout.turnstileBatch(request.saturday());
    try {
      if (!lake.exists(key)) {
        throw new ReplaySourceMissingException(
            "week " + request.saturday() + " is not in the lake (" + key + "): ingest it first");
      }
      Files.createDirectories(workFolder);
      Path local = Files.createTempFile(workFolder, "replay-", ".csv.gz");
      ReplayPlan plan;
      try {
        lake.download(key, local);
        plan = ReplayPlan.of(local);
      } finally {
        Files.deleteIfExists(local);
      }
      List<TurnstileMessage> messages = plan.messages();
      ProduceResult result;
      try (TurnstileProducer producer = new TurnstileProducer(kafka)) {
        result =
            producer.produce(
                messages.iterator(),
                new ProduceLimits(OptionalLong.empty(), Optional.empty(), 0, request.speedup()),
                context::heartbeat);
      }
      return new ReplayResult(
          key,
          result.acknowledged(),
          result.failed(),
          messages.isEmpty() ? null : messages.get(0).timestamp(),
          messages.isEmpty() ? null : messages.get(messages.size() - 1).timestamp(),
          plan.describe(),
          result.elapsed().toNanos() / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replay " + key + ": " + e.getMessage(), e);
    }
  }
}
