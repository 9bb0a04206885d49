package dev.platform.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's settings from environment variables, read in one place:
 *
 * <ul>
 *   <li>{@code PLATFORM_HOME}: state folder (default {@code .platform})
 *   <li>{@code PLATFORM_LAKE}: the lake, a folder, {@code file:} URL or {@code gs://bucket/prefix}
 *       (default {@code $PLATFORM_HOME/lake})
 *   <li>{@code PLATFORM_MIRROR}: a folder holding source files ({@code heart/}, {@code mta/}), used
 *       instead of downloading
 *   <li>{@code PLATFORM_WAREHOUSE}: the DuckDB file (default {@code
 *       $PLATFORM_HOME/warehouse/turnstile.duckdb})
 * </ul>
 */
public record PlatformEnvironment(Map<String, String> env) {

  public static PlatformEnvironment current() {
    return new PlatformEnvironment(System.getenv());
  }

  public Path home() {
    return Path.of(value("PLATFORM_HOME").orElse(".platform"));
  }

  public String lakeUri() {
    return value("PLATFORM_LAKE").orElse(home().resolve("lake").toString());
  }

  public Optional<Path> mirror() {
    return value("PLATFORM_MIRROR").map(Path::of);
  }

  public Path warehouseFile() {
    return value("PLATFORM_WAREHOUSE")
        .map(Path::of)
        .orElse(home().resolve("warehouse").resolve("turnstile.duckdb"));
  }

  /** A non-blank variable, stripped. */
  public Optional<String> value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
