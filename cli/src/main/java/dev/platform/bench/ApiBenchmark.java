package dev.platform.bench;

import dev.platform.cli.stack.ApiComponent;
import dev.platform.devstack.Component;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the risk API in its own JVM on a free port and loads it with {@code wrk} (a separate
 * process) sending the original client's one-record {@code POST /predict}.
 */
public final class ApiBenchmark {
  /** The original study's first test record. */
  static final String ONE_RECORD =
      "[{\"bmi\":40,\"smoking\":0,\"alcoholdrinking\":0,\"stroke\":0,\"physicalhealth\":0,"
          + "\"mentalhealth\":0,\"diffwalking\":1,\"sex\":\"Male\",\"agecategory\":\"65-69\","
          + "\"race\":\"White\",\"diabetic\":\"No\",\"physicalactivity\":1,\"genhealth\":\"Good\","
          + "\"sleeptime\":10,\"asthma\":0,\"kidneydisease\":0,\"skincancer\":0}]";

  /** Load settings. */
  public record Load(int threads, int connections, Duration duration) {}

  private final Path platformHome;
  private final Optional<Path> modelDir;

  public ApiBenchmark(Path platformHome, Optional<Path> modelDir) {
    this.platformHome = platformHome;
    this.modelDir = modelDir;
  }

  public WrkResult run(Load load) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("bench-api-");
    Path body = Files.writeString(work.resolve("body.json"), ONE_RECORD);
    Path script =
        Files.writeString(
            work.resolve("post.lua"),
            """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            local f = io.open("%s", "r")
            wrk.body = f:read("*a")
            f:close()
            """
                .formatted(body));
    int port = freePort();
    Component api = ApiComponent.component(platformHome, port, modelDir, "bench");
    Process server = start(api, work.resolve("api.log"));
    try {
      String url = "http://127.0.0.1:" + port;
      awaitServing(url, server, work.resolve("api.log"));
      wrk(new Load(load.threads(), load.connections(), Duration.ofSeconds(3)), script, url);
      return WrkResult.parse(wrk(load, script, url));
    } finally {
      server.destroy();
      if (!server.waitFor(15, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static Process start(Component api, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(api.foregroundCommand()).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(api.env());
    return builder.start();
  }

  private static void awaitServing(String url, Process server, Path log)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the API exited: " + Files.readString(log));
      }
      try {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url + "/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ONE_RECORD))
                .build();
        if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the API did not serve /predict within 60 s; log " + log);
  }

  private static String wrk(Load load, Path script, String url)
      throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t" + load.threads(),
                "-c" + load.connections(),
                "-d" + load.duration().toSeconds() + "s",
                "--latency",
                "-s",
                script.toString(),
                url + "/predict")
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return output;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
