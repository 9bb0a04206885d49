package dev.platform.cli.stack;

import dev.platform.devstack.Component;
import dev.platform.devstack.DevStackException;
import dev.platform.devstack.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The risk API (module {@code api}) as a process of its own, run from its jar: its Netty and
 * serialization libraries stay apart from the CLI's.
 */
public final class ApiComponent {
  public static final String NAME = "api";
  public static final int DEFAULT_PORT = 8080;
  static final String MAIN_CLASS = "dev.platform.api.Application";
  private static final String JAR = "api/target/api-0.1.0-SNAPSHOT.jar";

  private ApiComponent() {}

  /** The API jar under the repository root ({@code -Dplatform.root}, else the working folder). */
  public static Optional<Path> jar() {
    Path root = Path.of(System.getProperty("platform.root", "."));
    Path jar = root.resolve(JAR).toAbsolutePath().normalize();
    return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }

  /**
   * The API serving {@code modelDir}, or the lake's current model when empty.
   *
   * @param apiKey the admin key for {@code /admin/model/reload}
   */
  public static Component component(
      Path platformHome, int port, Optional<Path> modelDir, String apiKey) {
    Path jar =
        jar()
            .orElseThrow(
                () ->
                    new DevStackException(
                        "the API jar is not built: run ./mvnw -pl api -am package"));
    Map<String, String> env = new HashMap<>();
    env.put("PLATFORM_HOME", platformHome.toAbsolutePath().normalize().toString());
    env.put("PORT", Integer.toString(port));
    env.put("PLATFORM_API_KEY", apiKey);
    modelDir.ifPresent(dir -> env.put("PLATFORM_MODEL_DIR", dir.toAbsolutePath().toString()));
    return new Component(
            NAME,
            MAIN_CLASS,
            List.of(),
            List.of("-Xmx512m"),
            env,
            new Readiness.PortOpen("localhost", port),
            Duration.ofSeconds(60),
            "http://localhost:" + port,
            jar.toString())
        // Micronaut's Micrometer Prometheus registry
        .withMetrics("http://localhost:" + port + "/prometheus");
  }

  /** {@code PLATFORM_API_KEY}, else a random key kept in {@code run/api.key} for the stack. */
  public static String apiKey(Path platformHome) {
    String configured = System.getenv("PLATFORM_API_KEY");
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    Path file = platformHome.resolve("run").resolve("api.key");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String key = HexFormat.of().formatHex(random);
      Files.createDirectories(file.getParent());
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the API key in " + file, e);
    }
  }
}
