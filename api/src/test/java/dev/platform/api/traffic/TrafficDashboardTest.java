package dev.platform.api.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.api.Http;
import dev.platform.api.TrafficFixture;
import dev.platform.core.io.Folders;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LocalLake;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dashboard endpoints over a snapshot that the test writes into a folder lake. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficDashboardTest implements TestPropertyProvider {
  private Lake lake;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Path.of("target", "traffic-dashboard-test").toAbsolutePath();
      Folders.deleteRecursively(root);
      lake = new LocalLake(root.resolve("lake"));
      return Map.of(
          "api.platform-home", root.resolve("home").toString(),
          "api.lake", root.resolve("lake").toString(),
          "api.model-dir", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void withoutASnapshotTheDashboardIsA404ThatSaysWhy() throws IOException {
    TrafficFixture.clear(lake);
    Http.Answer answer = new Http(client).get("/traffic/dashboard.json");
    assertEquals(404, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    String message = answer.json().get("message").textValue();
    assertTrue(message.contains("no traffic dashboard yet"), message);
    assertTrue(message.contains("warehouse load"), message);
    assertEquals(404, new Http(client).get("/traffic/charts/daily_traffic.png").status());
  }

  @Test
  void theSnapshotIsServedAsWritten() throws Exception {
    TrafficFixture.write(lake);
    Http.Answer answer = new Http(client).get("/traffic/dashboard.json");
    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    assertEquals(Http.JSON.readTree(TrafficFixture.JSON), answer.json());
  }

  @Test
  void listedChartsAreServedAndNothingElse() throws Exception {
    Map<String, byte[]> charts = TrafficFixture.write(lake);
    var blocking = client.toBlocking();
    for (var chart : charts.entrySet()) {
      var response =
          blocking.exchange(HttpRequest.GET("/traffic/charts/" + chart.getKey()), byte[].class);
      assertEquals(200, response.code());
      assertEquals("image/png", response.getContentType().orElseThrow().toString());
      assertArrayEquals(chart.getValue(), response.body(), chart.getKey());
    }
    Http http = new Http(client);
    for (String path :
        List.of(
            "/traffic/charts/not_listed.png", // in the lake, not in the snapshot
            "/traffic/charts/batch_vs_stream.png", // no stream rows yet
            "/traffic/charts/dashboard.png",
            "/traffic/charts/..%2Fdashboard.png",
            "/traffic/charts/..%2F..%2F..%2Fheart%2Fmodels%2FCURRENT.png",
            "/traffic/charts/%2E%2E.png")) {
      Http.Answer answer = http.get(path);
      assertEquals(404, answer.status(), path + ": " + answer.body());
    }
  }
}
