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
    int filesLoaded, long rowsInserted, int filesQuarantined, List<String> summary) {}
