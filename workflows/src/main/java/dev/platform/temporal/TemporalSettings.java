package dev.platform.temporal;

import java.util.Map;
import java.util.Optional;

/**
 * Where the Temporal server is and how to reach it, from the environment: {@code TEMPORAL_ADDRESS}
 * (default {@code localhost:7233}), {@code TEMPORAL_NAMESPACE} (default {@code default}), mTLS with
 * {@code TEMPORAL_TLS_CERT} and {@code TEMPORAL_TLS_KEY} (PEM files, PKCS8 key), or Temporal
 * Cloud's {@code TEMPORAL_API_KEY} (implies TLS).
 */
public record TemporalSettings(
    String address,
    String namespace,
    boolean addressConfigured,
    Optional<String> tlsCertPath,
    Optional<String> tlsKeyPath,
    Optional<String> apiKey) {

  public static final String DEFAULT_ADDRESS = "localhost:7233";

  public static TemporalSettings fromEnvironment() {
    return from(System.getenv());
  }

  public static TemporalSettings from(Map<String, String> env) {
    String address = blankToNull(env.get("TEMPORAL_ADDRESS"));
    String namespace = blankToNull(env.get("TEMPORAL_NAMESPACE"));
    return new TemporalSettings(
        address == null ? DEFAULT_ADDRESS : address,
        namespace == null ? "default" : namespace,
        address != null,
        Optional.ofNullable(blankToNull(env.get("TEMPORAL_TLS_CERT"))),
        Optional.ofNullable(blankToNull(env.get("TEMPORAL_TLS_KEY"))),
        Optional.ofNullable(blankToNull(env.get("TEMPORAL_API_KEY"))));
  }

  /** Settings for a server at {@code address} in the default namespace, without TLS. */
  public static TemporalSettings local(String address) {
    return new TemporalSettings(
        address, "default", true, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean tls() {
    return tlsCertPath.isPresent() || apiKey.isPresent();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
