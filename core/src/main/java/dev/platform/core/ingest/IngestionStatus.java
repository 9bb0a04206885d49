package dev.platform.core.ingest;

/** What ingesting one source file did. */
public enum IngestionStatus {
  /** Validated and stored in the lake (new or changed). */
  STORED,
  /** The lake already holds the same content (same SHA-256); nothing was written. */
  UNCHANGED,
  /** There is no such file at the source (HTTP 404, not in the mirror). */
  MISSING,
  /** Unusable (truncated, no header, mostly garbage): set aside in the lake with its reason. */
  QUARANTINED
}
