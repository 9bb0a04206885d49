package dev.platform.heart;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Tells a running risk API to reload its model: {@code POST <PLATFORM_API_URL>/admin/model/reload}
 * with the {@code X-API-Key} header from {@code PLATFORM_API_KEY}.
 */
public final class ApiNotifier {
  private final Optional<URI> baseUrl;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ApiNotifier(Optional<URI> baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /**
   * {@code PLATFORM_API_URL} and {@code PLATFORM_API_KEY}; the system properties {@code
   * platform.api.url} and {@code platform.api.key}, when set, come first (tests run commands
   * in-process, as with {@code platform.home}).
   */
  public static ApiNotifier fromEnvironment() {
    String url = setting("platform.api.url", "PLATFORM_API_URL");
    String key = setting("platform.api.key", "PLATFORM_API_KEY");
    return new ApiNotifier(
        url == null || url.isBlank() ? Optional.empty() : Optional.of(URI.create(url.strip())),
        key == null ? "" : key);
  }

  private static String setting(String property, String variable) {
    String value = System.getProperty(property);
    return value != null && !value.isBlank() ? value : System.getenv(variable);
  }

  /** What happened, for the run's progress; throws when a configured API did not accept. */
  public String reload(String versionId) throws IOException, InterruptedException {
    if (baseUrl.isEmpty()) {
      return "no API configured (PLATFORM_API_URL); promoted " + versionId + " without reload";
    }
    URI uri = baseUrl.get().resolve("/admin/model/reload");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("X-API-Key", apiKey)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("API reload at " + uri + " answered " + response.statusCode());
    }
    return "API at " + baseUrl.get() + " reloaded to " + versionId;
  }
}
