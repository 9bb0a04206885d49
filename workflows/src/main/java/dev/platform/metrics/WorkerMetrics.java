package dev.platform.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The worker's Temporal SDK metrics (workflow and activity counts, latencies, failures, gRPC
 * requests) in Prometheus' text format at {@code http://HOST:PORT/metrics}, served by the JDK's
 * HTTP server. The SDK reports through a tally {@link Scope} into a Micrometer registry.
 */
public final class WorkerMetrics implements AutoCloseable {
  public static final String PATH = "/metrics";

  private final PrometheusMeterRegistry registry;
  private final Scope scope;
  private final HttpServer server;

  private WorkerMetrics(PrometheusMeterRegistry registry, Scope scope, HttpServer server) {
    this.registry = registry;
    this.scope = scope;
    this.server = server;
  }

  /**
   * Starts serving on {@code port} (0: any free port) on all interfaces.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static WorkerMetrics serve(int port) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            // the SDK's own samples report every 10 s; a scrape then reads what was reported
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(1));
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      closeQuietly(scope);
      throw new UncheckedIOException("cannot serve worker metrics on port " + port, e);
    }
    server.createContext(PATH, exchange -> scrape(exchange, registry));
    server.start();
    return new WorkerMetrics(registry, scope, server);
  }

  private static void scrape(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The scope to give the Temporal service stubs ({@code setMetricsScope}). */
  public Scope scope() {
    return scope;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Flushes what the SDK reported, stops serving. */
  @Override
  public void close() {
    closeQuietly(scope);
    server.stop(0);
    registry.close();
  }

  private static void closeQuietly(Scope scope) {
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      // only the last report is lost; the process is stopping
    }
  }
}
