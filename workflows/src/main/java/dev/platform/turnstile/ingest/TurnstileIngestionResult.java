package dev.platform.turnstile.ingest;

import dev.platform.core.ingest.IngestionResult;
import dev.platform.core.ingest.IngestionStatus;
import dev.platform.core.ingest.StationReferenceIngestion;
import dev.platform.turnstile.warehouse.WarehouseLoadResult;
import java.util.List;

/**
 * What a batch ingestion run did.
 *
 * @param reference the station table's ingestion; null when its activity failed
 * @param weeks each week's ingestion, in date order (failed weeks are in {@code failures})
 * @param failures one line per step that failed after its retries ({@code 2024-01-13: ...})
 * @param warehouse the warehouse load that followed; null when none ran (direct mode)
 * @param lines the progress lines, for people
 */
public record TurnstileIngestionResult(
    IngestionResult reference,
    List<IngestionResult> weeks,
    List<String> failures,
    WarehouseLoadResult warehouse,
    List<String> lines) {

  public long count(IngestionStatus status) {
    return weeks.stream().filter(week -> week.status() == status).count();
  }

  /** {@code 6 weeks: 4 stored, 1 unchanged, 1 missing, 0 quarantined, 0 failed}. */
  public String totals() {
    long failedWeeks =
        failures.stream()
            .filter(failure -> !failure.startsWith(StationReferenceIngestion.SUBJECT))
            .count();
    long total = weeks.size() + failedWeeks;
    return String.format(
        "%d week%s: %d stored, %d unchanged, %d missing, %d quarantined, %d failed",
        total,
        total == 1 ? "" : "s",
        count(IngestionStatus.STORED),
        count(IngestionStatus.UNCHANGED),
        count(IngestionStatus.MISSING),
        count(IngestionStatus.QUARANTINED),
        failedWeeks);
  }
}
