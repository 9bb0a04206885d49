package dev.platform.cli;

import java.nio.file.Path;

/** Where the platform keeps its state: {@code PLATFORM_HOME}, or {@code ./.platform}. */
final class PlatformHome {
  private PlatformHome() {}

  static Path get() {
    String configured = System.getenv("PLATFORM_HOME");
    return Path.of(configured == null || configured.isBlank() ? ".platform" : configured);
  }
}
