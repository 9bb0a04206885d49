package dev.platform.temporal;

import com.uber.m3.tally.Scope;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A connection to a Temporal server: the gRPC stubs and a client in the configured namespace. */
public final class TemporalConnection implements AutoCloseable {
  private final TemporalSettings settings;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  private TemporalConnection(TemporalSettings settings, WorkflowServiceStubs service) {
    this.settings = settings;
    this.service = service;
    this.client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }

  /**
   * Connects and checks the server answers.
   *
   * @throws IllegalStateException with a hint when no server answers at the address
   */
  public static TemporalConnection open(TemporalSettings settings) {
    return open(settings, null);
  }

  private static TemporalConnection open(TemporalSettings settings, Scope metricsScope) {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(stubOptions(settings, metricsScope));
    try {
      service.healthCheck();
      return new TemporalConnection(settings, service);
    } catch (RuntimeException e) {
      service.shutdownNow();
      throw new IllegalStateException(
          "no Temporal server answers at "
              + settings.address()
              + " ("
              + e.getMessage()
              + "); start one with `./platform dev`, set TEMPORAL_ADDRESS, or use --direct",
          e);
    }
  }

  /**
   * Connects for a worker. On a server without the Schedule API (Temporal's embedded test server)
   * the worker does without sticky execution; see {@link NoStickyExecution}.
   */
  public static TemporalConnection openForWorker(TemporalSettings settings) {
    return openForWorker(settings, null);
  }

  /**
   * Connects for a worker whose SDK metrics go to {@code metricsScope} (see {@code WorkerMetrics});
   * null for none.
   */
  public static TemporalConnection openForWorker(TemporalSettings settings, Scope metricsScope) {
    TemporalConnection connection = open(settings, metricsScope);
    if (connection.hasScheduleApi()) {
      return connection;
    }
    connection.service.shutdownNow();
    WorkflowServiceStubsOptions options =
        WorkflowServiceStubsOptions.newBuilder(stubOptions(settings, metricsScope))
            .setGrpcClientInterceptors(List.of(new NoStickyExecution()))
            .build();
    return new TemporalConnection(settings, WorkflowServiceStubs.newServiceStubs(options));
  }

  /** Whether the server implements the Schedule API (the embedded test server does not). */
  public boolean hasScheduleApi() {
    try {
      ScheduleClient.newInstance(service).listSchedules(1).findFirst();
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return false;
      }
      throw e;
    }
  }

  /** Wraps existing stubs (tests with the in-process test server). */
  public static TemporalConnection of(TemporalSettings settings, WorkflowServiceStubs service) {
    return new TemporalConnection(settings, service);
  }

  static WorkflowServiceStubsOptions stubOptions(TemporalSettings settings, Scope metricsScope) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(settings.address())
            .setRpcTimeout(Duration.ofSeconds(10));
    if (metricsScope != null) {
      options.setMetricsScope(metricsScope);
    }
    if (settings.tlsCertPath().isPresent()) {
      String key =
          settings
              .tlsKeyPath()
              .orElseThrow(
                  () -> new IllegalArgumentException("TEMPORAL_TLS_CERT needs TEMPORAL_TLS_KEY"));
      try (InputStream cert = Files.newInputStream(Path.of(settings.tlsCertPath().get()));
          InputStream keyStream = Files.newInputStream(Path.of(key))) {
        options.setSslContext(SimpleSslContextBuilder.forPKCS8(cert, keyStream).build());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the TLS certificate or key", e);
      }
    }
    settings
        .apiKey()
        .ifPresent(
            apiKey -> {
              options.setEnableHttps(true);
              options.addApiKey(() -> apiKey);
            });
    return options.build();
  }

  public TemporalSettings settings() {
    return settings;
  }

  public WorkflowServiceStubs service() {
    return service;
  }

  public WorkflowClient client() {
    return client;
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
