package dev.platform.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a component as a detached JVM: in its own session (through {@code setsid}, so closing the
 * terminal does not hang it up), stdin from /dev/null, stdout and stderr appended to its log.
 */
final class ComponentLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentLauncher.class);

  private final StackHome home;
  private final Optional<Path> setsid;
  private final String classPath;

  ComponentLauncher(StackHome home) {
    this.home = home;
    this.setsid = findOnPath("setsid");
    this.classPath = absoluteClassPath(System.getProperty("java.class.path"));
    if (setsid.isEmpty()) {
      LOG.warn("setsid not found; components stay in the terminal's session");
    }
  }

  Process launch(Component component) {
    Path log = home.logFile(component.name());
    try {
      Files.createDirectories(home.logs());
      List<String> command = command(component);
      LOG.info("starting {}: {}", component.name(), String.join(" ", command));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectErrorStream(true);
      builder.environment().putAll(component.env());
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + component.name(), e);
    }
  }

  List<String> command(Component component) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(path -> command.add(path.toString()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // before the class path: the JDK reads only the first 4 KB of a process's command line
    command.add(component.marker());
    command.add("-cp");
    command.add(component.classPath().isEmpty() ? classPath : component.classPath());
    command.addAll(component.jvmOptions());
    command.add(component.mainClass());
    command.addAll(component.args());
    return command;
  }

  /** Relative entries (e.g. the jar run by {@code ./platform}) would break in another directory. */
  static String absoluteClassPath(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Optional<Path> findOnPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Arrays.stream((path + File.pathSeparator + "/usr/bin:/bin").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
