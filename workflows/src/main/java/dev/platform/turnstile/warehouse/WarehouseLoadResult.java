package dev.platform.turnstile.warehouse;

import java.util.List;

/**
 * What a warehouse load did.
 *
 * @param filesLoaded lake files loaded by this run
 * @param rowsInserted fact rows inserted by this run
 * @param filesQuarantined files set aside with their reason
 * @param summary one line per step, for people
 */
public record WarehouseLoadResult(
    int filesLoaded, long rowsInserted, int filesQuarantined, List<String> summary) {

  /** {@code 2 files loaded, 1,234 rows inserted, 0 quarantined}. */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "%d file%s loaded, %,d rows inserted, %d quarantined",
        filesLoaded,
        filesLoaded == 1 ? "" : "s",
        rowsInserted,
        filesQuarantined);
  }
}
