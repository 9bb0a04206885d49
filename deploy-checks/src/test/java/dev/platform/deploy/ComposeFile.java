package dev.platform.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code docker-compose.yml} read as compose reads it, and what it must agree with. */
final class ComposeFile {
  /** Our images: their containers run our code, so their settings must be names the code reads. */
  static final Set<String> OUR_DOCKERFILES =
      Set.of("infra/worker/Dockerfile", "infra/api/Dockerfile", "infra/flink/Dockerfile");

  /** Variables read by the programs inside our images rather than by our code. */
  static final Set<String> IMAGE_SETTINGS =
      Set.of(
          "JAVA_TOOL_OPTIONS", // the JVM
          "FLINK_PROPERTIES", // the official Flink image's entrypoint
          "ENABLE_BUILT_IN_PLUGINS");

  private static final Pattern BUILT_MODULE = Pattern.compile("-pl\\s+([\\w-]+)");
  private static final Pattern HOST_PORT = Pattern.compile("^(?:[0-9.]+:)?(\\d+):(\\d+)(?:/tcp)?$");

  private final Repository repository;
  private final Map<String, Object> document;

  ComposeFile(Repository repository, String text) {
    this.repository = repository;
    this.document = Repository.yaml(text);
  }

  static ComposeFile of(Repository repository) {
    return new ComposeFile(repository, repository.read("docker-compose.yml"));
  }

  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) document.getOrDefault("services", Map.of());
  }

  Set<String> profiles(String service) {
    return new TreeSet<>(strings(services().get(service).get("profiles")));
  }

  /**
   * The Dockerfile a service's image is built from: its own build, or that of the service that
   * builds its image.
   */
  String dockerfile(String service) {
    Map<String, Object> definition = services().get(service);
    if (definition.get("build") instanceof Map<?, ?> build) {
      Object context = build.get("context");
      Object file = build.get("dockerfile");
      return Path.of(String.valueOf(context == null ? "." : context))
          .resolve(String.valueOf(file == null ? "Dockerfile" : file))
          .normalize()
          .toString();
    }
    Object image = definition.get("image");
    for (var other : services().entrySet()) {
      if (other.getValue().get("build") != null
          && image != null
          && image.equals(other.getValue().get("image"))) {
        return dockerfile(other.getKey());
      }
    }
    return null;
  }

  /** Environment variable names a service sets (list or map form, merge keys resolved). */
  Set<String> environment(String service) {
    Object environment = services().get(service).get("environment");
    Set<String> names = new TreeSet<>();
    if (environment instanceof Map<?, ?> map) {
      map.keySet().forEach(key -> names.add(String.valueOf(key)));
    } else if (environment instanceof List<?> list) {
      list.forEach(entry -> names.add(String.valueOf(entry).split("=", 2)[0]));
    }
    return names;
  }

  /** Host port -> container port of a service. */
  Map<Integer, Integer> ports(String service) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    for (String port : strings(services().get(service).get("ports"))) {
      Matcher matcher = HOST_PORT.matcher(port);
      if (matcher.matches()) {
        ports.put(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
      } else {
        ports.put(-1, -1);
      }
    }
    return ports;
  }

  /**
   * The settings the code inside an image reads: that of the module its Dockerfile builds ({@code
   * -pl}) and the project modules it depends on; all the code's while a module is still pending.
   */
  static Function<String, Set<String>> settingsOfImage(Repository repository) {
    return dockerfile -> {
      Matcher module = BUILT_MODULE.matcher(repository.read(dockerfile));
      Set<String> modules =
          module.find()
              ? CodeSettings.withDependencies(repository, module.group(1))
                  .orElse(Set.copyOf(repository.modules()))
              : Set.copyOf(repository.modules());
      return CodeSettings.read(repository, modules);
    };
  }

  /** Every problem found; empty when the file is consistent. */
  List<String> problems(Function<String, Set<String>> settingsOfImage) {
    List<String> problems = new ArrayList<>();
    if (services().isEmpty()) {
      problems.add("no services");
    }
    Set<String> declaredVolumes = keys(document.get("volumes"));
    Map<Integer, String> hostPorts = new HashMap<>();
    for (var entry : services().entrySet()) {
      String name = entry.getKey();
      Map<String, Object> service = entry.getValue();
      String where = "service " + name + ": ";

      if (service.get("build") instanceof Map<?, ?> build) {
        Path context = repository.resolve(String.valueOf(build.get("context")));
        if (!Files.isDirectory(context)) {
          problems.add(where + "build context " + build.get("context") + " does not exist");
        }
        String dockerfile = dockerfile(name);
        if (!Files.isRegularFile(repository.resolve(dockerfile))) {
          problems.add(where + "Dockerfile " + dockerfile + " does not exist");
        }
      } else if (service.get("image") == null) {
        problems.add(where + "neither image nor build");
      } else if (String.valueOf(service.get("image")).endsWith(":local")
          && dockerfile(name) == null) {
        problems.add(where + "image " + service.get("image") + " is built by no service");
      }

      if (strings(service.get("profiles")).isEmpty()) {
        problems.add(where + "no profiles");
      }

      for (var dependency : dependencies(service).entrySet()) {
        String target = dependency.getKey();
        if (!services().containsKey(target)) {
          problems.add(where + "depends on " + target + ", which is not a service");
          continue;
        }
        if (dependency.getValue()) {
          Set<String> missing = new TreeSet<>(profiles(name));
          missing.removeAll(profiles(target));
          if (!missing.isEmpty()) {
            problems.add(
                where + "requires " + target + ", which is not in its profiles " + missing);
          }
        }
      }

      for (var port : ports(name).entrySet()) {
        if (port.getKey() < 0) {
          problems.add(where + "a port is not HOST:CONTAINER");
          continue;
        }
        String previous = hostPorts.put(port.getKey(), name);
        if (previous != null) {
          problems.add(where + "host port " + port.getKey() + " is also taken by " + previous);
        }
      }

      for (String volume : strings(service.get("volumes"))) {
        String source = volume.split(":", 2)[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          if (source.startsWith(".") && !Files.exists(repository.resolve(source))) {
            problems.add(where + "mounts " + source + ", which does not exist");
          }
        } else if (!declaredVolumes.contains(source)) {
          problems.add(where + "volume " + source + " is not declared under volumes");
        }
      }

      String dockerfile = dockerfile(name);
      if (dockerfile != null && OUR_DOCKERFILES.contains(dockerfile)) {
        Set<String> read = settingsOfImage.apply(dockerfile);
        for (String variable : environment(name)) {
          if (!read.contains(variable)
              && !IMAGE_SETTINGS.contains(variable)
              && !PendingContracts.SETTINGS.contains(variable)) {
            problems.add(
                where + "sets " + variable + ", which the code in its image does not read");
          }
        }
      }
    }
    return problems;
  }

  /** Target -> whether it is required (compose's {@code required: false} makes it optional). */
  private static Map<String, Boolean> dependencies(Map<String, Object> service) {
    Map<String, Boolean> dependencies = new LinkedHashMap<>();
    Object dependsOn = service.get("depends_on");
    if (dependsOn instanceof List<?> list) {
      list.forEach(target -> dependencies.put(String.valueOf(target), true));
    } else if (dependsOn instanceof Map<?, ?> map) {
      map.forEach(
          (target, options) ->
              dependencies.put(
                  String.valueOf(target),
                  !(options instanceof Map<?, ?> o && Boolean.FALSE.equals(o.get("required")))));
    }
    return dependencies;
  }

  static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }

  private static Set<String> keys(Object value) {
    Set<String> keys = new TreeSet<>();
    if (value instanceof Map<?, ?> map) {
      map.keySet().forEach(key -> keys.add(String.valueOf(key)));
    }
    return keys;
  }
}
