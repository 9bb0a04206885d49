package dev.platform.turnstile.ingest;

import dev.platform.core.ingest.IngestionResult;
import dev.platform.core.ingest.StationReferenceIngestion;
import dev.platform.core.ingest.TurnstileWeeks;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order of batch ingestion, written once: the station table, then each Saturday from {@code
 * from} to {@code to}, one activity per week. The workflow runs it on its activity stub; {@code
 * ingest turnstile --direct} on the activity implementation, in-process. A step that fails after
 * its retries is reported and the others go on. Deterministic: it calls only the activities.
 */
public final class TurnstileIngestionSteps {
  private TurnstileIngestionSteps() {}

  /** What the steps did; {@code reference} is null when its step failed. */
  public record Ingested(
      IngestionResult reference, List<IngestionResult> weeks, List<String> failures) {}

  public static Ingested run(
      TurnstileIngestionActivities activities,
      LocalDate from,
      LocalDate to,
      String source,
      Consumer<String> progress) {
    List<String> failures = new ArrayList<>();
    IngestionResult reference = null;
    try {
      reference = activities.ingestReference(source);
      progress.accept(reference.summary());
    } catch (RuntimeException e) {
      String failure = StationReferenceIngestion.SUBJECT + " failed: " + reason(e);
      failures.add(failure);
      progress.accept(failure);
    }
    List<IngestionResult> weeks = new ArrayList<>();
    for (LocalDate saturday : TurnstileWeeks.saturdays(from, to)) {
      try {
        IngestionResult week = activities.ingestWeek(saturday, source);
        weeks.add(week);
        progress.accept(week.summary());
      } catch (RuntimeException e) {
        String failure = saturday + " failed: " + reason(e);
        failures.add(failure);
        progress.accept(failure);
      }
    }
    return new Ingested(reference, weeks, failures);
  }

  /** The innermost message: the activity's own, not Temporal's wrapping. */
  public static String reason(RuntimeException e) {
    if (e instanceof CanceledFailure) {
      throw e; // a cancelled run stops, it does not go on to the next week
    }
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure application) {
      return application.getOriginalMessage();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
