package dev.platform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The dev stack's files under the platform home: {@code logs/<name>.log}, {@code run/<name>.pid}.
 */
public record StackHome(Path root) {

  public StackHome {
    root = root.toAbsolutePath().normalize();
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path run() {
    return root.resolve("run");
  }

  public Path logFile(String component) {
    return logs().resolve(component + ".log");
  }

  public Path pidFile(String component) {
    return run().resolve(component + ".pid");
  }

  /** The recorded pid; empty when there is no pid file or it does not hold a number. */
  public OptionalLong readPid(String component) {
    Path file = pidFile(component);
    if (!Files.isRegularFile(file)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public boolean hasPidFile(String component) {
    return Files.exists(pidFile(component));
  }

  public void writePid(String component, long pid) {
    try {
      Files.createDirectories(run());
      Files.writeString(pidFile(component), pid + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pidFile(component), e);
    }
  }

  public void deletePid(String component) {
    deleteIfExists(pidFile(component));
  }

  /** The last {@code count} lines of a component's log (fewer if it is shorter or missing). */
  public List<String> logTail(String component, int count) {
    Path log = logFile(component);
    if (!Files.isRegularFile(log)) {
      return List.of();
    }
    Deque<String> tail = new ArrayDeque<>(count);
    // the log may hold bytes that are not UTF-8; a tail is for reading, so decode leniently
    try (Stream<String> lines =
        new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()) {
      lines.forEach(
          line -> {
            if (tail.size() == count) {
              tail.removeFirst();
            }
            tail.addLast(line);
          });
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
    return List.copyOf(tail);
  }

  static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
