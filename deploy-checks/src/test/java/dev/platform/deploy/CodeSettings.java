package dev.platform.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The environment variables the platform's code reads, found in the code itself, so settings that
 * modules add later are known here without a list to keep:
 *
 * <ul>
 *   <li>Java: the upper-case {@code NAME_LIKE_THIS} string literals of every main source file that
 *       reads the environment ({@code System.getenv}, {@code env.get(...)}, or {@code
 *       PlatformEnvironment}'s {@code value("...")}); constants such as {@code VARIABLE =
 *       "PLATFORM_WORKER_METRICS_PORT"} included
 *   <li>configuration files ({@code src/main/resources/*.yml|yaml|properties}): {@code ${NAME}} and
 *       {@code ${NAME:default}} placeholders
 * </ul>
 */
final class CodeSettings {
  private static final Pattern READS_ENVIRONMENT =
      Pattern.compile("getenv\\(|\\benv\\.get(OrDefault)?\\(|\\bvalue\\(\"[A-Z]");
  private static final Pattern NAME_LITERAL =
      Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

  private CodeSettings() {}

  static Set<String> read(Repository repository) {
    Set<String> names = new TreeSet<>();
    for (Path source : mainFiles(repository, "/src/main/java/", ".java")) {
      String text = Repository.read(source);
      if (READS_ENVIRONMENT.matcher(text).find()) {
        NAME_LITERAL.matcher(text).results().forEach(match -> names.add(match.group(1)));
      }
    }
    List<Path> configuration = new ArrayList<>();
    for (String suffix : List.of(".yml", ".yaml", ".properties")) {
      configuration.addAll(mainFiles(repository, "/src/main/resources/", suffix));
    }
    for (Path file : configuration) {
      PLACEHOLDER
          .matcher(Repository.read(file))
          .results()
          .forEach(match -> names.add(match.group(1)));
    }
    return names;
  }

  private static List<Path> mainFiles(Repository repository, String folder, String suffix) {
    List<Path> files = new ArrayList<>();
    for (String module : repository.modules()) {
      files.addAll(
          repository.files(module, suffix).stream()
              .filter(file -> file.toString().contains(folder))
              .toList());
    }
    return files;
  }
}
