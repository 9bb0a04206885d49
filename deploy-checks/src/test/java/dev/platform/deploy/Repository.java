package dev.platform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The checked-out repository the checks read: its root, files and Maven modules. */
record Repository(Path root) {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  /** The repository this build runs in ({@code platform.root}, set by the module's pom). */
  static Repository current() {
    String configured = System.getProperty("platform.root");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("").toAbsolutePath().getParent();
    if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve(".ci"))) {
      throw new IllegalStateException("not the repository root: " + root);
    }
    return new Repository(root.toAbsolutePath().normalize());
  }

  Path resolve(String relative) {
    return root.resolve(relative);
  }

  String read(String relative) {
    return read(root.resolve(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The modules the root pom lists. */
  List<String> modules() {
    Matcher matcher = MODULE.matcher(read("pom.xml"));
    return matcher.results().map(result -> result.group(1).strip()).toList();
  }

  /** Files under {@code folder} whose name ends with {@code suffix}, sorted. */
  List<Path> files(String folder, String suffix) {
    Path start = root.resolve(folder);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(start)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(suffix))
          .filter(file -> !file.toString().contains("/target/"))
          .filter(file -> !file.toString().contains("/node_modules/"))
          .filter(file -> !file.toString().contains("/.terraform/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML document as maps and lists, anchors and merge keys resolved. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document = new Yaml(options).load(text);
    if (!(document instanceof Map)) {
      throw new IllegalArgumentException("not a YAML mapping");
    }
    return (Map<String, Object>) document;
  }
}
