package dev.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DockerfilesTest {
  static final List<String> OURS =
      List.of("infra/worker/Dockerfile", "infra/api/Dockerfile", "infra/flink/Dockerfile");

  final Repository repository = Repository.current();

  @Test
  void ourImagesBuildWithTheWrapperAndRunAsANonRootUserWithAHealthCheck() {
    for (String path : OURS) {
      Dockerfile dockerfile = new Dockerfile(repository.read(path));
      assertTrue(dockerfile.froms().size() >= 2, path + " is multi-stage");
      assertTrue(
          dockerfile.froms().get(0).startsWith("eclipse-temurin:17-jdk"),
          path + " builds on a JDK 17: " + dockerfile.froms());
      assertTrue(dockerfile.text().contains("./mvnw -B"), path + " builds with the Maven wrapper");
      String user = dockerfile.lastUser();
      assertTrue(
          !user.isEmpty() && !user.equals("root") && !user.equals("0"), path + " user " + user);
      assertTrue(dockerfile.text().contains("\nHEALTHCHECK "), path + " has a health check");
    }
    for (String path : List.of("infra/worker/Dockerfile", "infra/api/Dockerfile")) {
      Dockerfile dockerfile = new Dockerfile(repository.read(path));
      assertEquals(
          "eclipse-temurin:17-jre", dockerfile.froms().get(dockerfile.froms().size() - 1), path);
    }
    assertTrue(repository.read("infra/worker/Dockerfile").contains("CMD [\"worker\"]"));
  }

  @Test
  void everyPathAModuleAndASettingTheyNameExists() {
    List<String> problems = new ArrayList<>();
    Set<String> settings = CodeSettings.read(repository);
    for (String path : Dockerfile.all(repository)) {
      problems.addAll(
          new Dockerfile(repository.read(path))
              .problems(path, repository, settings, ComposeFile.OUR_DOCKERFILES.contains(path)));
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void flinkImageIsTheOfficialOneOfOurVersionWithTheGcsPluginAndThePrometheusReporter() {
    String text = repository.read("infra/flink/Dockerfile");
    Matcher version = Pattern.compile("(?m)^ARG FLINK_VERSION=(\\S+)$").matcher(text);
    assertTrue(version.find());
    assertEquals("2.3.0", version.group(1), "flink-gs-fs-hadoop exists for 2.3.0");
    assertTrue(text.contains("\nFROM flink:${FLINK_VERSION}-scala_2.12-java17"), "official image");
    assertTrue(text.contains("flink-gs-fs-hadoop:${FLINK_VERSION}"));
    assertTrue(text.contains("/opt/flink/plugins/gs-fs-hadoop/"));
    assertTrue(text.contains("flink-metrics-prometheus:${FLINK_VERSION}"));
    assertTrue(text.contains("/opt/flink/plugins/metrics-prometheus/"));
    Matcher jar =
        Pattern.compile("cp flink-jobs/target/(\\S+\\.jar) /out/usrlib/(\\S+\\.jar)").matcher(text);
    assertTrue(jar.find(), "the image copies the job jar");
    String submit = repository.read("infra/flink/submit-job.sh");
    assertTrue(submit.contains("/opt/flink/usrlib/" + jar.group(2)), "submit-job.sh runs that jar");
    assertTrue(Files.isExecutable(repository.resolve("infra/flink/submit-job.sh")));
    if (repository.modules().contains("flink-jobs")) {
      String jobPom = repository.read("flink-jobs/pom.xml");
      assertTrue(
          jobPom.contains(jar.group(1).replace(".jar", "")),
          "flink-jobs/pom.xml builds " + jar.group(1));
      String pom = jobPom + repository.read("pom.xml");
      Matcher flink = Pattern.compile("<flink.version>([^<]+)</flink.version>").matcher(pom);
      if (flink.find()) {
        assertEquals(
            version.group(1), flink.group(1), "the image runs the Flink the job is built on");
      }
    }
  }

  @Test
  void findsBrokenReferences() {
    String broken =
        """
        FROM eclipse-temurin:17-jdk AS build
        COPY no-such-folder/ /src/
        COPY terraform/gcp/main.tf /src/
        RUN ./mvnw -B -q -pl nowhere -am package
        FROM eclipse-temurin:17-jre
        COPY --from=build /src/ghost/target/ghost-0.1.0-SNAPSHOT.jar /app/ghost.jar
        ENV PLATFORM_NOTHING=1
        ENTRYPOINT ["java", "-jar", "/app/other.jar"]
        """;
    List<String> problems =
        new Dockerfile(broken).problems("X", repository, CodeSettings.read(repository), true);
    String all = String.join("\n", problems);
    for (String expected :
        List.of(
            "COPY no-such-folder/ does not exist",
            "COPY terraform/gcp/main.tf is left out of the context by .dockerignore",
            "-pl nowhere is not a module",
            "ghost is not a module",
            "ENV PLATFORM_NOTHING is read by no code",
            "runs /app/other.jar, which it does not copy",
            "no USER",
            "no HEALTHCHECK")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
  }

  /** A Dockerfile's instructions, line continuations joined. */
  record Dockerfile(String text) {
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)");
    private static final Pattern MODULE_OPTION = Pattern.compile("-pl\\s+([\\w.,-]+)");
    private static final Pattern TARGET = Pattern.compile("/src/([\\w-]+)/target/(\\S*?)(?=\\s|$)");
    private static final Pattern JAR_RUN = Pattern.compile("\"-jar\",\\s*\"([^\"]+)\"");
    private static final Pattern ENV_NAME = Pattern.compile("(?:^|\\s)([A-Z][A-Z0-9_]*)=");

    static List<String> all(Repository repository) {
      return repository.files("infra", "Dockerfile").stream()
          .map(file -> repository.root().relativize(file).toString())
          .toList();
    }

    List<String> instructions() {
      return List.of(text.replace("\\\n", " ").split("\n")).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }

    List<String> froms() {
      return FROM.matcher(text).results().map(match -> match.group(1)).toList();
    }

    String lastUser() {
      return USER.matcher(text).results().map(match -> match.group(1)).reduce("", (a, b) -> b);
    }

    /**
     * @param runsOurCode whether the image runs our code, so its ENV names must be settings the
     *     code reads (a wrapper of a third-party image sets that image's own variables)
     */
    List<String> problems(
        String path, Repository repository, Set<String> settings, boolean runsOurCode) {
      List<String> problems = new ArrayList<>();
      String where = path + ": ";
      List<String> modules = repository.modules();
      List<String> copiedTo = new ArrayList<>();
      for (String line : instructions()) {
        if (line.startsWith("COPY ")) {
          List<String> words =
              List.of(line.substring(5).trim().split("\\s+")).stream()
                  .filter(word -> !word.startsWith("--chown"))
                  .toList();
          boolean fromStage = words.get(0).startsWith("--from=");
          List<String> args = fromStage ? words.subList(1, words.size()) : words;
          copiedTo.add(args.get(args.size() - 1));
          for (String source : args.subList(0, args.size() - 1)) {
            if (fromStage) {
              Matcher target = TARGET.matcher(source);
              if (target.find() && !known(target.group(1), modules)) {
                problems.add(
                    where + "copies " + source + ", but " + target.group(1) + " is not a module");
              }
            } else if (!Files.exists(repository.resolve(source))) {
              problems.add(where + "COPY " + source + " does not exist");
            } else if (ignored(source, repository)) {
              problems.add(
                  where + "COPY " + source + " is left out of the context by .dockerignore");
            }
          }
        }
        if (line.startsWith("RUN ")) {
          Matcher option = MODULE_OPTION.matcher(line);
          while (option.find()) {
            for (String module : option.group(1).split(",")) {
              if (!known(module, modules)) {
                problems.add(where + "-pl " + module + " is not a module of the root pom");
              }
            }
          }
        }
        if (runsOurCode && line.startsWith("ENV ")) {
          Matcher name = ENV_NAME.matcher(line.substring(3));
          while (name.find()) {
            String variable = name.group(1);
            if (!settings.contains(variable) && !ComposeFile.IMAGE_SETTINGS.contains(variable)) {
              problems.add(where + "ENV " + variable + " is read by no code");
            }
          }
        }
      }
      Matcher jar = JAR_RUN.matcher(text);
      while (jar.find()) {
        String runs = jar.group(1);
        if (copiedTo.stream().noneMatch(runs::equals)) {
          problems.add(where + "runs " + runs + ", which it does not copy");
        }
      }
      if (lastUser().isEmpty()) {
        problems.add(where + "no USER");
      }
      if (!text.contains("\nHEALTHCHECK ")) {
        problems.add(where + "no HEALTHCHECK");
      }
      return problems;
    }

    /**
     * Whether .dockerignore leaves {@code source} (or a folder holding it) out of the build
     * context.
     */
    static boolean ignored(String source, Repository repository) {
      if (source.equals(".") || source.equals("./")) {
        return false;
      }
      String path = source.replaceAll("/+$", "");
      List<String> patterns =
          List.of(repository.read(".dockerignore").split("\n")).stream()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
              .map(line -> line.replaceAll("/+$", ""))
              .toList();
      for (String pattern : patterns) {
        var matcher = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        for (java.nio.file.Path prefix = java.nio.file.Path.of(path);
            prefix != null;
            prefix = prefix.getParent()) {
          if (matcher.matches(prefix)) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean known(String module, List<String> modules) {
      return modules.contains(module) || PendingContracts.MODULES.contains(module);
    }
  }
}
