package dev.platform.core.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local folder holding copies of the public sources, used instead of downloading them (offline
 * machines, tests): {@code heart/heart_2020_cleaned*.csv*}, and the MTA files ({@code
 * {yyMMdd}.csv.gz}, {@code turnstile_{yyMMdd}.csv.gz} or {@code .txt}, {@code
 * remote_booth_station.csv}) in the folder itself or its {@code mta/} subfolder. Named by the user
 * ({@code --mirror}, {@code PLATFORM_MIRROR}), never guessed.
 */
public record Mirror(Path root) {
  public static final String STATION_REFERENCE_FILE = "remote_booth_station.csv";
  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("yyMMdd");

  public Mirror {
    root = root.toAbsolutePath().normalize();
  }

  /**
   * A mirror in an existing folder.
   *
   * @throws IllegalArgumentException when there is no such folder
   */
  public static Mirror of(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("no mirror folder at " + folder.toAbsolutePath());
    }
    return new Mirror(folder);
  }

  /** The heart data: the first {@code heart/heart_2020_cleaned*.csv*} by name. */
  public Optional<Path> heartSource() {
    Path folder = root.resolve("heart");
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(folder, "heart_2020_cleaned*.csv*")) {
      files.forEach(
          file -> {
            if (Files.isRegularFile(file)) {
              found.add(file);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    return found.stream().sorted().findFirst();
  }

  /** The weekly turnstile file of the week ending on {@code saturday}, if the mirror holds it. */
  public Optional<Path> turnstileWeek(LocalDate saturday) {
    String week = WEEK.format(saturday);
    return first(week + ".csv.gz", "turnstile_" + week + ".csv.gz", "turnstile_" + week + ".txt");
  }

  /** The remote/booth -> station table, if the mirror holds it. */
  public Optional<Path> stationReference() {
    return first(STATION_REFERENCE_FILE);
  }

  private Optional<Path> first(String... names) {
    for (Path folder : List.of(root, root.resolve("mta"))) {
      for (String name : names) {
        Path file = folder.resolve(name);
        if (Files.isRegularFile(file)) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
