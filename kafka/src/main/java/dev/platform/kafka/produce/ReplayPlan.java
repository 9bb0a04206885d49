package dev.platform.kafka.produce;

import dev.platform.core.turnstile.TrafficRules;
import dev.platform.core.turnstile.TurnstileMessage;
import dev.platform.core.turnstile.TurnstileReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A weekly file's readings turned into stream messages: one message per interval between two
 * consecutive readings of a turnstile, carrying the interval's traffic (by {@link TrafficRules}),
 * timestamped at the later reading, all in event-time order. An interval whose entries or exits are
 * unknown (counter reset, backwards or jumping) makes no message and is counted; so is a second
 * reading of a turnstile at the same time (the files hold REGULAR and RECOVR AUD pairs; REGULAR is
 * kept). The message ID is derived from turnstile and time, so replaying a file twice produces the
 * same IDs and a de-duplicating consumer counts each interval once.
 *
 * @param messages the messages in event-time order (ties by turnstile key)
 * @param lines data lines in the file
 * @param badLines lines that did not parse (skipped)
 * @param turnstiles distinct turnstiles
 * @param duplicateReadings readings at the same time as the turnstile's previous one (skipped)
 * @param unknownIntervals intervals whose traffic is unknown (no message)
 */
public record ReplayPlan(
    List<TurnstileMessage> messages,
    long lines,
    long badLines,
    long turnstiles,
    long duplicateReadings,
    long unknownIntervals) {

  private static final Comparator<TurnstileReading> READING_ORDER =
      Comparator.comparing(TurnstileReading::at)
          .thenComparing(reading -> "REGULAR".equals(reading.desc()) ? 0 : 1)
          .thenComparing(TurnstileReading::desc, Comparator.nullsFirst(Comparator.naturalOrder()));

  private static final Comparator<TurnstileMessage> EVENT_ORDER =
      Comparator.comparing(TurnstileMessage::timestamp)
          .thenComparing(message -> message.turnstile().key());

  public ReplayPlan {
    messages = List.copyOf(messages);
  }

  /** Reads a weekly file (public variant or canonical, gzip or not) and plans its messages. */
  public static ReplayPlan of(Path file) throws IOException {
    List<TurnstileReading> readings = new ArrayList<>();
    long[] bad = {0};
    long lines = WeeklyFileReader.read(file, readings::add, problem -> bad[0]++);
    return of(readings, lines, bad[0]);
  }

  /** Plans the messages of readings in any order. */
  public static ReplayPlan of(List<TurnstileReading> readings, long lines, long badLines) {
    Map<String, List<TurnstileReading>> byTurnstile = new HashMap<>();
    for (TurnstileReading reading : readings) {
      byTurnstile.computeIfAbsent(reading.turnstile().key(), key -> new ArrayList<>()).add(reading);
    }
    List<TurnstileMessage> messages = new ArrayList<>();
    long duplicates = 0;
    long unknown = 0;
    for (List<TurnstileReading> series : byTurnstile.values()) {
      series.sort(READING_ORDER);
      TurnstileReading previous = null;
      for (TurnstileReading current : series) {
        if (previous != null && previous.at().equals(current.at())) {
          duplicates++;
          continue;
        }
        if (previous != null) {
          OptionalLong entries = TrafficRules.delta(previous.entries(), current.entries());
          OptionalLong exits = TrafficRules.delta(previous.exits(), current.exits());
          if (entries.isPresent() && exits.isPresent()) {
            messages.add(message(current, entries.getAsLong(), exits.getAsLong()));
          } else {
            unknown++;
          }
        }
        previous = current;
      }
    }
    messages.sort(EVENT_ORDER);
    return new ReplayPlan(messages, lines, badLines, byTurnstile.size(), duplicates, unknown);
  }

  private static TurnstileMessage message(TurnstileReading reading, long entries, long exits) {
    String identity = reading.turnstile().key() + "|" + reading.at();
    return new TurnstileMessage(
        reading.ca(),
        reading.unit(),
        reading.scp(),
        reading.station(),
        reading.linename(),
        reading.division(),
        reading.date(),
        reading.time(),
        reading.desc(),
        entries,
        exits,
        UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString(),
        reading.at());
  }

  /** For people: what the file gave and what was set aside. */
  public String describe() {
    return String.format(
        "%,d lines, %,d turnstiles -> %,d interval messages; skipped: %,d unknown intervals"
            + " (resets, jumps), %,d duplicate readings, %,d bad lines",
        lines, turnstiles, messages.size(), unknownIntervals, duplicateReadings, badLines);
  }
}
