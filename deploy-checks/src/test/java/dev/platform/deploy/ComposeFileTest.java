package dev.platform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComposeFileTest {
  static final Pattern DEFAULTED = Pattern.compile("^\\$\\{[A-Z_]+:-([^}]*)}$");

  final Repository repository = Repository.current();
  final ComposeFile compose = ComposeFile.of(repository);

  @Test
  void everyServiceIsConsistentWithTheRepositoryAndTheCode() {
    assertEquals(List.of(), compose.problems(ComposeFile.settingsOfImage(repository)));
  }

  @Test
  void runsTheWholePlatformWithTheOfficialImages() {
    Map<String, Map<String, Object>> services = compose.services();
    assertEquals("infra/kafka/Dockerfile", compose.dockerfile("kafka"));
    assertTrue(
        repository.read("infra/kafka/Dockerfile").contains("\nFROM apache/kafka:"),
        "Kafka is the official apache/kafka image");
    assertTrue(image(services, "temporal").startsWith("temporalio/auto-setup:"));
    assertTrue(image(services, "temporal-ui").startsWith("temporalio/ui:"));
    assertTrue(image(services, "postgresql").startsWith("postgres:"));
    assertEquals("postgres12", ((Map<?, ?>) services.get("temporal").get("environment")).get("DB"));
    assertTrue(image(services, "prometheus").startsWith("prom/prometheus:"));
    assertEquals("infra/flink/Dockerfile", compose.dockerfile("jobmanager"));
    assertEquals("infra/flink/Dockerfile", compose.dockerfile("taskmanager"));
    assertEquals("infra/flink/Dockerfile", compose.dockerfile("stream-job"));
    assertEquals("infra/worker/Dockerfile", compose.dockerfile("worker"));
    assertEquals("infra/api/Dockerfile", compose.dockerfile("api"));
    assertTrue(
        String.valueOf(services.get("stream-job").get("entrypoint")).contains("submit-job.sh"),
        "the stream job is submitted by a one-shot service");
  }

  @Test
  void profilesSplitInfrastructureFromApplications() {
    Set<String> infra = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    for (String service : compose.services().keySet()) {
      if (compose.profiles(service).contains("infra")) {
        infra.add(service);
      }
      if (compose.profiles(service).contains("all")) {
        all.add(service);
      }
    }
    assertEquals(compose.services().keySet(), all, "profile all runs everything");
    assertEquals(
        Set.of(
            "kafka",
            "kafka-topics",
            "jobmanager",
            "taskmanager",
            "postgresql",
            "temporal",
            "temporal-ui",
            "prometheus"),
        infra);
  }

  @Test
  void hostPortsAreTheDocumentedOnes() {
    assertEquals(Map.of(8080, 8080), compose.ports("api"));
    assertEquals(
        Map.of(8233, 8080), compose.ports("temporal-ui"), "Temporal UI apart from the API");
    assertEquals(8081, compose.ports("jobmanager").get(8081));
    assertEquals(Map.of(9090, 9090), compose.ports("prometheus"));
    assertEquals(Map.of(7233, 7233), compose.ports("temporal"));
  }

  @Test
  void theLakeAndTheWarehouseLiveOnNamedVolumes() {
    Map<String, Object> worker = compose.services().get("worker");
    Map<?, ?> env = (Map<?, ?>) worker.get("environment");
    String lake = defaultOf(String.valueOf(env.get("PLATFORM_LAKE")));
    String warehouse = defaultOf(String.valueOf(env.get("PLATFORM_WAREHOUSE")));
    assertTrue(mountedFrom(worker, "lake", lake), "worker lake " + lake);
    assertTrue(mountedFrom(worker, "warehouse", warehouse), "worker warehouse " + warehouse);
    for (String flink : List.of("jobmanager", "taskmanager")) {
      assertTrue(
          mountedFrom(compose.services().get(flink), "lake", lake), flink + " writes the lake");
    }
    Map<?, ?> apiEnv = (Map<?, ?>) compose.services().get("api").get("environment");
    assertTrue(
        mountedFrom(
            compose.services().get("api"),
            "lake",
            defaultOf(String.valueOf(apiEnv.get("PLATFORM_LAKE")))),
        "the API reads models from the lake");
  }

  @Test
  void flinkCheckpointsGoToAVolume() {
    Map<String, Object> config = Repository.yaml(repository.read("infra/flink/config.yaml"));
    String dir = String.valueOf(path(config, "execution", "checkpointing", "dir"));
    assertTrue(dir.startsWith("file://"), dir);
    String folder = dir.substring("file://".length());
    for (String flink : List.of("jobmanager", "taskmanager")) {
      assertTrue(
          mountedFrom(compose.services().get(flink), "flink-checkpoints", folder),
          flink + " mounts " + folder);
    }
    assertEquals(
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
        path(config, "metrics", "reporter", "prom", "factory", "class"));
  }

  @Test
  void prometheusScrapesEveryComponentOnAPortItServes() {
    Map<String, Object> prometheus =
        Repository.yaml(repository.read("infra/prometheus/prometheus.yml"));
    List<String> problems = new ArrayList<>();
    Map<String, String> paths = new java.util.HashMap<>();
    Set<String> scraped = new TreeSet<>();
    for (Object job : (List<?>) prometheus.get("scrape_configs")) {
      Map<?, ?> scrape = (Map<?, ?>) job;
      for (Object staticConfig : (List<?>) scrape.get("static_configs")) {
        for (Object target : (List<?>) ((Map<?, ?>) staticConfig).get("targets")) {
          String[] hostPort = String.valueOf(target).split(":");
          String host = hostPort[0];
          int port = Integer.parseInt(hostPort[1]);
          if (host.equals("localhost")) {
            continue;
          }
          scraped.add(host);
          paths.put(host, String.valueOf(scrape.get("metrics_path")));
          if (!compose.services().containsKey(host)) {
            problems.add(target + ": no such service");
          } else if (!servedPorts(host).contains(port)) {
            problems.add(target + ": " + host + " serves " + servedPorts(host));
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(
        scraped.containsAll(Set.of("api", "worker", "jobmanager", "taskmanager", "kafka")),
        scraped.toString());
    assertEquals("/prometheus", paths.get("api"));
    assertEquals("/metrics", paths.get("worker"));
  }

  @Test
  void anImageGetsTheSettingsOfTheModulesInIt() {
    Repository repository = Repository.current();
    assertEquals(
        Set.of("api", "ml", "core"),
        CodeSettings.withDependencies(repository, "api").orElseThrow());
    Set<String> api = ComposeFile.settingsOfImage(repository).apply("infra/api/Dockerfile");
    assertTrue(
        api.containsAll(Set.of("PORT", "PLATFORM_MODEL_DIR", "PLATFORM_API_KEY")), api.toString());
    assertTrue(!api.contains("TEMPORAL_ADDRESS"), "the API knows nothing of Temporal");
  }

  @Test
  void findsBrokenReferences() {
    String broken =
        """
        services:
          app:
            profiles: [all]
            build: {context: ., dockerfile: infra/nothing/Dockerfile}
            depends_on: [ghost]
            environment:
              NOT_A_SETTING: "1"
            volumes: [undeclared:/data, ./no/such/file:/x]
          other:
            profiles: [infra]
            image: platform-missing:local
            ports: ["8080:8080"]
          third:
            profiles: [all]
            image: postgres:16
            ports: ["8080:80"]
            depends_on:
              other: {condition: service_started}
        """;
    List<String> problems =
        new ComposeFile(repository, broken).problems(ComposeFile.settingsOfImage(repository));
    String all = String.join("\n", problems);
    for (String expected :
        List.of(
            "Dockerfile infra/nothing/Dockerfile does not exist",
            "depends on ghost, which is not a service",
            "volume undeclared is not declared",
            "mounts ./no/such/file, which does not exist",
            "image platform-missing:local is built by no service",
            "host port 8080 is also taken by other",
            "requires other, which is not in its profiles [all]")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
  }

  @Test
  void findsSettingsTheCodeDoesNotRead() {
    String compose =
        """
        services:
          worker:
            profiles: [all]
            build: {context: ., dockerfile: infra/worker/Dockerfile}
            environment:
              TEMPORAL_ADRESS: temporal:7233
          api:
            profiles: [all]
            build: {context: ., dockerfile: infra/api/Dockerfile}
            environment:
              TEMPORAL_ADDRESS: temporal:7233
              PLATFORM_MODEL_DIR: /models
        """;
    assertEquals(
        List.of(
            "service worker: sets TEMPORAL_ADRESS, which the code in its image does not read",
            "service api: sets TEMPORAL_ADDRESS, which the code in its image does not read"),
        new ComposeFile(repository, compose).problems(ComposeFile.settingsOfImage(repository)));
  }

  private Set<Integer> servedPorts(String service) {
    Set<Integer> ports = new TreeSet<>(compose.ports(service).values());
    String dockerfile = compose.dockerfile(service);
    if (dockerfile != null) {
      Matcher expose = Pattern.compile("(?m)^EXPOSE (.+)$").matcher(repository.read(dockerfile));
      while (expose.find()) {
        for (String port : expose.group(1).trim().split("\\s+")) {
          ports.add(Integer.parseInt(port.replace("/tcp", "")));
        }
      }
    }
    return ports;
  }

  private static boolean mountedFrom(Map<String, Object> service, String volume, String path) {
    return ComposeFile.strings(service.get("volumes")).stream()
        .map(mount -> mount.split(":"))
        .anyMatch(
            mount ->
                mount[0].equals(volume)
                    && (path.equals(mount[1]) || path.startsWith(mount[1] + "/")));
  }

  private static String defaultOf(String value) {
    Matcher matcher = DEFAULTED.matcher(value);
    return matcher.matches() ? matcher.group(1) : value;
  }

  private static String image(Map<String, Map<String, Object>> services, String service) {
    Object image = services.get(service).get("image");
    assertNotNull(image, service + " image");
    return String.valueOf(image);
  }

  private static Object path(Map<String, Object> map, String... keys) {
    Object current = map;
    for (String key : keys) {
      current = current instanceof Map<?, ?> m ? m.get(key) : null;
    }
    return current;
  }
}
