package dev.platform.api.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The traffic dashboard snapshot that each warehouse load writes to the lake ({@code
 * reports/turnstile/latest/}: {@code dashboard.json} and the PNG charts it lists). The API reads
 * only these objects, never the warehouse file.
 */
@Singleton
public class TrafficSnapshot {
  static final String JSON = LakeLayout.TURNSTILE_DASHBOARD + "dashboard.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Lake lake;

  public TrafficSnapshot(Lake lake) {
    this.lake = lake;
  }

  /** The snapshot's JSON as written, if a load wrote one. */
  public Optional<byte[]> json() throws IOException {
    if (!lake.exists(JSON)) {
      return Optional.empty();
    }
    try (InputStream in = lake.open(JSON)) {
      return Optional.of(in.readAllBytes());
    }
  }

  /**
   * A chart's PNG, only when the snapshot lists {@code file} among its {@code charts}: no name from
   * a request reaches the lake otherwise.
   */
  public Optional<byte[]> chart(String file) throws IOException {
    Optional<byte[]> json = json();
    if (json.isEmpty() || !chartsOf(json.get()).contains(file)) {
      return Optional.empty();
    }
    String key = LakeLayout.TURNSTILE_DASHBOARD + file;
    if (!lake.exists(key)) {
      return Optional.empty();
    }
    try (InputStream in = lake.open(key)) {
      return Optional.of(in.readAllBytes());
    }
  }

  /** The chart names listed; names with a path in them are ignored. */
  static Set<String> chartsOf(byte[] json) throws IOException {
    Set<String> charts = new HashSet<>();
    JsonNode listed = MAPPER.readTree(json).path("charts");
    for (JsonNode chart : listed) {
      String name = chart.asText("");
      if (name.matches("[A-Za-z0-9_-]+\\.png")) {
        charts.add(name);
      }
    }
    return charts;
  }

  /** Where the snapshot is expected, for messages. */
  public String location() {
    return lake.uri(JSON);
  }
}
