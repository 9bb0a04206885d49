package dev.platform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Calls the embedded server with Micronaut's client and hands back status and body, any status. */
public final class Http {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingHttpClient client;

  public Http(HttpClient client) {
    this.client = client.toBlocking();
  }

  /** Status, content type and body of one answer. */
  public record Answer(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  public Answer get(String path) {
    return send(HttpRequest.GET(path));
  }

  public Answer postJson(String path, String body) {
    return post(path, body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  public Answer post(String path, byte[] body, String contentType) {
    MutableHttpRequest<byte[]> request = HttpRequest.POST(path, body);
    if (contentType != null) {
      request.contentType(contentType);
    }
    return send(request);
  }

  public Answer send(MutableHttpRequest<?> request) {
    try {
      return answer(client.exchange(request, byte[].class));
    } catch (HttpClientResponseException e) {
      return answer(e.getResponse());
    }
  }

  private static Answer answer(HttpResponse<?> response) {
    byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
    return new Answer(
        response.code(),
        response.getContentType().map(Object::toString).orElse(""),
        new String(body, StandardCharsets.UTF_8));
  }
}
