package dev.platform.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub Actions workflow and the repository paths, Maven modules and actions it names: every
 * path in a {@code run} script or a {@code with:} path input must exist (or, under {@code
 * <module>/target/}, be something that module's build makes), every {@code -pl} a module, every
 * action pinned to a major version.
 */
final class WorkflowFile {
  private static final Pattern MATRIX = Pattern.compile("\\$\\{\\{\\s*matrix\\.(\\w+)\\s*}}");
  private static final Pattern PINNED_ACTION =
      Pattern.compile("^[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@v\\d+(\\.\\d+)*$");
  private static final Pattern MODULES = Pattern.compile("-pl\\s+([\\w.,-]+)");
  private static final Set<String> PATH_INPUTS = Set.of("file", "context", "path", "dockerfile");
  private static final Set<String> BUILD_FOLDERS = Set.of("lib", "classes", "surefire-reports");

  private final Repository repository;
  private final Map<String, Object> document;

  WorkflowFile(Repository repository, String text) {
    this.repository = repository;
    this.document = Repository.yaml(text);
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!(document.get("jobs") instanceof Map<?, ?> jobs) || jobs.isEmpty()) {
      return List.of("no jobs");
    }
    for (var job : jobs.entrySet()) {
      Map<?, ?> definition = (Map<?, ?>) job.getValue();
      String where = "job " + job.getKey() + ": ";
      Map<?, ?> matrix =
          definition.get("strategy") instanceof Map<?, ?> strategy
                  && strategy.get("matrix") instanceof Map<?, ?> m
              ? m
              : Map.of();
      Object steps = definition.get("steps");
      if (!(steps instanceof List<?> list) || list.isEmpty()) {
        problems.add(where + "no steps");
        continue;
      }
      for (Object item : list) {
        Map<?, ?> step = (Map<?, ?>) item;
        if (step.get("uses") instanceof String uses) {
          if (uses.startsWith("./")) {
            checkPath(uses, where, problems);
          } else if (!PINNED_ACTION.matcher(uses).matches()) {
            problems.add(where + "action " + uses + " is not pinned to a version");
          }
        }
        if (step.get("working-directory") instanceof String dir) {
          checkPath(dir, where, problems);
        }
        if (step.get("with") instanceof Map<?, ?> with) {
          for (var input : with.entrySet()) {
            if (PATH_INPUTS.contains(String.valueOf(input.getKey()))) {
              for (String value : String.valueOf(input.getValue()).split("\n")) {
                for (String expanded : expand(value.strip(), matrix)) {
                  if (!expanded.isEmpty() && !expanded.contains("*") && !expanded.startsWith("~")) {
                    checkPath(expanded, where, problems);
                  }
                }
              }
            }
          }
        }
        if (step.get("run") instanceof String run) {
          for (String script : expand(run, matrix)) {
            checkScript(script, where, problems);
          }
        }
      }
    }
    return problems;
  }

  private void checkScript(String script, String where, List<String> problems) {
    Matcher modules = MODULES.matcher(script);
    while (modules.find()) {
      for (String module : modules.group(1).split(",")) {
        if (!repository.modules().contains(module)) {
          problems.add(where + "-pl " + module + " is not a module of the root pom");
        }
      }
    }
    for (String line : script.replace("\\\n", " ").split("\n")) {
      String[] tokens = line.trim().split("\\s+");
      for (int i = 0; i < tokens.length; i++) {
        String token = tokens[i].replaceAll("^[\"'(]+|[\"');]+$", "");
        if (i > 0 && (tokens[i - 1].equals(">") || tokens[i - 1].equals(">>"))) {
          continue; // a file the script writes
        }
        if (token.startsWith("-chdir=")) {
          token = token.substring("-chdir=".length());
        }
        if (token.contains("$") || token.contains("*") || !looksLikeRepositoryPath(token)) {
          continue;
        }
        checkPath(token, where, problems);
        boolean invoked = i == 0 || (i == 1 && tokens[0].equals("run:"));
        if (invoked
            && Files.isRegularFile(repository.resolve(token))
            && !Files.isExecutable(repository.resolve(token))) {
          problems.add(where + token + " is run but not executable");
        }
      }
    }
  }

  /** ./x, .ci/x, .github/x, or a path under a top-level folder of the repository. */
  private boolean looksLikeRepositoryPath(String token) {
    if (token.startsWith("./")) {
      return token.length() > 2;
    }
    if (token.startsWith("..")
        || token.startsWith("/")
        || token.contains("://")
        || token.contains("=")) {
      return false;
    }
    int slash = token.indexOf('/');
    String first = slash < 0 ? token : token.substring(0, slash);
    if (first.equals(".ci") || first.equals(".github")) {
      return true;
    }
    return slash > 0 && Files.isDirectory(repository.resolve(first)) && !first.startsWith(".");
  }

  private void checkPath(String path, String where, List<String> problems) {
    String relative = path.startsWith("./") ? path.substring(2) : path;
    if (relative.isEmpty() || relative.equals(".")) {
      return;
    }
    int target = relative.indexOf("/target/");
    if (target > 0) {
      String module = relative.substring(0, target);
      String produced = relative.substring(target + "/target/".length()).split("/")[0];
      if (!repository.modules().contains(module)) {
        problems.add(where + path + ": " + module + " is not a module");
      } else if (!BUILD_FOLDERS.contains(produced)
          && !produced.startsWith(module + "-")
          && !repository.read(module + "/pom.xml").contains(produced)) {
        problems.add(where + path + ": the " + module + " build makes no " + produced);
      }
      return;
    }
    if (!Files.exists(repository.resolve(relative))) {
      problems.add(where + path + " does not exist");
    }
  }

  /** The text once per combination of the matrix values it names. */
  private static List<String> expand(String text, Map<?, ?> matrix) {
    Set<String> results = new LinkedHashSet<>(List.of(text));
    Matcher names = MATRIX.matcher(text);
    while (names.find()) {
      String name = names.group(1);
      Set<String> next = new LinkedHashSet<>();
      List<String> values =
          matrix.get(name) instanceof List<?> list
              ? list.stream().map(String::valueOf).toList()
              : List.of();
      for (String result : results) {
        for (String value : values) {
          next.add(result.replaceAll("\\$\\{\\{\\s*matrix\\." + name + "\\s*}}", value));
        }
      }
      results = next;
    }
    return new ArrayList<>(results);
  }

  static List<Path> all(Repository repository) {
    List<Path> files = new ArrayList<>(repository.files(".github/workflows", ".yml"));
    files.addAll(repository.files(".github/workflows", ".yaml"));
    return files;
  }
}
