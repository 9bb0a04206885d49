package dev.platform.core.lake;

import java.time.Instant;

/**
 * One object of the lake.
 *
 * @param key its key, relative to the lake's root
 * @param size bytes
 * @param sha256 lower-case hex SHA-256 of its bytes
 * @param modified when it was last written
 */
public record LakeObject(String key, long size, String sha256, Instant modified) {}
