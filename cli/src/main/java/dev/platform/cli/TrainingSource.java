package dev.platform.cli;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.core.source.Mirror;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The heart data of {@code train}: {@code --data}, as the other heart commands take it; without it,
 * the heart file of a mirror folder ({@code --mirror}, else {@code PLATFORM_MIRROR}).
 */
final class TrainingSource {
  @Option(
      names = "--data",
      description =
          "CSV file (plain, gzip or ZIP) or http(s):/file: URL (default: the mirror's heart file).")
  String data;

  @Option(
      names = "--mirror",
      paramLabel = "DIR",
      description =
          "A mirror folder: without --data, train on its first heart/heart_2020_cleaned*.csv*"
              + " (default: PLATFORM_MIRROR).")
  Path mirror;

  String location(PlatformEnvironment environment) {
    if (data != null) {
      return data;
    }
    Mirror folder =
        Mirror.of(
            mirror != null
                ? mirror
                : environment
                    .mirror()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "give --data FILE_OR_URL or --mirror DIR (or set PLATFORM_MIRROR)")));
    return folder
        .heartSource()
        .map(Path::toString)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no heart/heart_2020_cleaned*.csv* in the mirror " + folder));
  }
}
