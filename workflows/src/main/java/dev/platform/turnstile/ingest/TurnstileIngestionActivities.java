package dev.platform.turnstile.ingest;

import dev.platform.core.ingest.IngestionResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.LocalDate;

/**
 * The steps of turnstile batch ingestion, each a plain idempotent function of {@code core}.
 *
 * <p>{@code source} is a {@link dev.platform.core.ingest.TurnstileWeekSource#spec()} (a URL
 * template holding {@code {yyMMdd}} or a mirror folder), or blank for the worker's own setting
 * ({@code PLATFORM_MIRROR}, else the public site).
 */
@ActivityInterface
public interface TurnstileIngestionActivities {
  /** The remote/booth -> station table into the lake. */
  @ActivityMethod(name = "IngestStationReference")
  IngestionResult ingestReference(String source);

  /** One weekly file into the lake: stored, unchanged, missing or quarantined. */
  @ActivityMethod(name = "IngestTurnstileWeek")
  IngestionResult ingestWeek(LocalDate saturday, String source);
}
