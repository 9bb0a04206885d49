package dev.platform.turnstile.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The few calls of Flink's REST API the platform needs: jobs, checkpoints, jar upload and run. */
public final class FlinkRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public FlinkRestClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The first job with this name in state RUNNING (or being created/restarted), if any. */
  public Optional<String> activeJob(String name) throws IOException {
    for (JsonNode job : get("/jobs/overview").path("jobs")) {
      String state = job.path("state").asText();
      boolean active =
          state.equals("RUNNING")
              || state.equals("CREATED")
              || state.equals("INITIALIZING")
              || state.equals("RESTARTING");
      if (active && job.path("name").asText().equals(name)) {
        return Optional.of(job.path("jid").asText());
      }
    }
    return Optional.empty();
  }

  /** A job's details: {@code state} and per-vertex metrics. */
  public JsonNode job(String jobId) throws IOException {
    return get("/jobs/" + jobId);
  }

  /** Records read and written over all the job's operators, for people. */
  public static String describe(JsonNode job) {
    long read = 0;
    long written = 0;
    for (JsonNode vertex : job.path("vertices")) {
      read += vertex.path("metrics").path("read-records").asLong();
      written += vertex.path("metrics").path("write-records").asLong();
    }
    return String.format(
        "%s, records read %,d, written %,d", job.path("state").asText("?"), read, written);
  }

  /** The external path of the job's latest completed checkpoint, if any. */
  public Optional<String> latestCheckpoint(String jobId) throws IOException {
    String path =
        get("/jobs/" + jobId + "/checkpoints")
            .path("latest")
            .path("completed")
            .path("external_path")
            .asText("");
    return path.isBlank() ? Optional.empty() : Optional.of(path);
  }

  /** Uploads a job jar; returns its id on the cluster. */
  public String uploadJar(Path jar) throws IOException {
    String boundary = "platform-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(jar));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    String file = answer.path("filename").asText();
    return file.substring(file.lastIndexOf('/') + 1);
  }

  /** Runs an uploaded jar with these program arguments; returns the job id. */
  public String runJar(String jarId, List<String> args, Optional<String> restoreFrom)
      throws IOException {
    ObjectNode request = JSON.createObjectNode();
    args.forEach(request.putArray("programArgsList")::add);
    restoreFrom.ifPresent(path -> request.put("savepointPath", path));
    JsonNode answer =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build());
    return answer.path("jobid").asText();
  }

  private JsonNode get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  private JsonNode send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IOException(
            "Flink REST "
                + request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return JSON.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + request.uri(), e);
    }
  }
}
