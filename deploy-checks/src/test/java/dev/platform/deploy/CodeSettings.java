package dev.platform.deploy;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables the platform's code reads, found in the code itself, so settings that
 * modules add later are known here without a list to keep:
 *
 * <ul>
 *   <li>Java: the upper-case {@code NAME_LIKE_THIS} string literals of every main source file that
 *       reads the environment ({@code System.getenv}, {@code env.get(...)}, or {@code
 *       PlatformEnvironment}'s {@code value("...")}); constants such as {@code VARIABLE =
 *       "PLATFORM_WORKER_METRICS_PORT"} included, and names its usage text documents as variables
 *       ({@code (env STREAM_WINDOW, 5m)}: options whose variable names are computed)
 *   <li>configuration files ({@code src/main/resources/*.yml|yaml|properties|xml}, logback.xml
 *       too): {@code ${NAME}}, {@code ${NAME:default}} and {@code ${NAME:-default}} placeholders
 * </ul>
 */
final class CodeSettings {
  private static final Pattern READS_ENVIRONMENT =
      Pattern.compile("getenv\\(|\\benv\\.get(OrDefault)?\\(|\\bvalue\\(\"[A-Z]");
  private static final Pattern NAME_LITERAL =
      Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");

  /** A name documented as a variable in usage text, e.g. {@code (env STREAM_WINDOW, 5m)}. */
  private static final Pattern DOCUMENTED =
      Pattern.compile("\\benv ([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern PROJECT_ARTIFACT =
      Pattern.compile("<groupId>dev\\.platform</groupId>\\s*<artifactId>([\\w-]+)</artifactId>");

  private CodeSettings() {}

  /** The settings the code of every module reads. */
  static Set<String> read(Repository repository) {
    return read(repository, repository.modules());
  }

  /** The settings read by the code of {@code modules}. */
  static Set<String> read(Repository repository, Collection<String> modules) {
    Set<String> names = new TreeSet<>();
    for (Path source : mainFiles(repository, modules, "/src/main/java/", ".java")) {
      String text = Repository.read(source);
      if (READS_ENVIRONMENT.matcher(text).find()) {
        NAME_LITERAL.matcher(text).results().forEach(match -> names.add(match.group(1)));
        DOCUMENTED.matcher(text).results().forEach(match -> names.add(match.group(1)));
      }
    }
    List<Path> configuration = new ArrayList<>();
    for (String suffix : List.of(".yml", ".yaml", ".properties", ".xml")) {
      configuration.addAll(mainFiles(repository, modules, "/src/main/resources/", suffix));
    }
    for (Path file : configuration) {
      PLACEHOLDER
          .matcher(Repository.read(file))
          .results()
          .forEach(match -> names.add(match.group(1)));
    }
    return names;
  }

  /**
   * What runs in an image built with {@code -pl module}: the module and the project modules it
   * depends on, transitively; empty when a module is not in this tree.
   */
  static Optional<Set<String>> withDependencies(Repository repository, String module) {
    Set<String> closure = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(module));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      if (!repository.modules().contains(next)) {
        return Optional.empty();
      }
      if (closure.add(next)) {
        DEPENDENCY
            .matcher(repository.read(next + "/pom.xml"))
            .results()
            .map(match -> match.group(1))
            .filter(dependency -> !dependency.contains("<scope>test</scope>"))
            .map(PROJECT_ARTIFACT::matcher)
            .filter(Matcher::find)
            .forEach(artifact -> pending.push(artifact.group(1)));
      }
    }
    return Optional.of(closure);
  }

  private static List<Path> mainFiles(
      Repository repository, Collection<String> modules, String folder, String suffix) {
    List<Path> files = new ArrayList<>();
    for (String module : modules) {
      files.addAll(
          repository.files(module, suffix).stream()
              .filter(file -> file.toString().contains(folder))
              .toList());
    }
    return files;
  }
}
