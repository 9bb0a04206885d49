package dev.platform.cli;

import java.nio.file.Path;

/**
 * Where the platform keeps its state: {@code PLATFORM_HOME}, or {@code ./.platform}. The system
 * property {@code platform.home}, when set, comes first (tests run commands in a temp folder).
 */
final class PlatformHome {
  private PlatformHome() {}

  static Path get() {
    String property = System.getProperty("platform.home");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String configured = System.getenv("PLATFORM_HOME");
    return Path.of(configured == null || configured.isBlank() ? ".platform" : configured);
  }
}
