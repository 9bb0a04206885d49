package dev.platform.warehouse;

/**
 * What loading one lake file did.
 *
 * @param key the lake key
 * @param source batch or stream
 * @param status what happened
 * @param rowsRead distinct keys in the file (after removing repeated readings, also those of an
 *     earlier file loaded with it)
 * @param rowsInserted fact rows new to the warehouse
 * @param reason why the file was quarantined, else empty
 * @param seconds wall time of the load it was part of (files load together)
 */
public record FileLoad(
    String key,
    String source,
    Status status,
    long rowsRead,
    long rowsInserted,
    String reason,
    double seconds) {

  public enum Status {
    LOADED,
    ALREADY_LOADED,
    QUARANTINED
  }

  /** One line for people. */
  public String describe() {
    return switch (status) {
      case LOADED ->
          String.format(
              java.util.Locale.ROOT, "loaded %s: %,d rows, %,d new", key, rowsRead, rowsInserted);
      case ALREADY_LOADED -> "already loaded " + key;
      case QUARANTINED -> "quarantined " + key + ": " + reason;
    };
  }
}
