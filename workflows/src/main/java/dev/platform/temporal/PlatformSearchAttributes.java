package dev.platform.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search attributes runs carry, so they can be found by their data in the Temporal UI. They are
 * set only where the server has them registered: setting an unknown one fails the start.
 */
public final class PlatformSearchAttributes {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformSearchAttributes.class);

  /** SHA-256 of the data a run works on. */
  public static final SearchAttributeKey<String> DATA_SHA256 =
      SearchAttributeKey.forKeyword("DataSha256");

  private static final Map<String, IndexedValueType> ALL =
      Map.of(DATA_SHA256.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

  private PlatformSearchAttributes() {}

  /** Registers the missing ones (the worker does, at start); false where the server refuses. */
  public static boolean register(TemporalConnection connection) {
    OperatorServiceStubs operator = operator(connection);
    try {
      Map<String, IndexedValueType> existing = existing(connection, operator);
      AddSearchAttributesRequest.Builder request =
          AddSearchAttributesRequest.newBuilder().setNamespace(connection.settings().namespace());
      ALL.forEach(
          (name, type) -> {
            if (!existing.containsKey(name)) {
              request.putSearchAttributes(name, type);
            }
          });
      if (request.getSearchAttributesCount() > 0) {
        operator.blockingStub().addSearchAttributes(request.build());
      }
      return true;
    } catch (StatusRuntimeException e) {
      LOG.info("search attributes not registered ({}); runs carry only their memo", e.getStatus());
      return false;
    } finally {
      operator.shutdown();
    }
  }

  /** Whether the server knows all of them, so a start may set them. */
  public static boolean available(TemporalConnection connection) {
    OperatorServiceStubs operator = operator(connection);
    try {
      return existing(connection, operator).keySet().containsAll(ALL.keySet());
    } catch (StatusRuntimeException e) {
      return false;
    } finally {
      operator.shutdown();
    }
  }

  private static Map<String, IndexedValueType> existing(
      TemporalConnection connection, OperatorServiceStubs operator) {
    return operator
        .blockingStub()
        .listSearchAttributes(
            ListSearchAttributesRequest.newBuilder()
                .setNamespace(connection.settings().namespace())
                .build())
        .getCustomAttributesMap();
  }

  private static OperatorServiceStubs operator(TemporalConnection connection) {
    return OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder()
            .setChannel(connection.service().getRawChannel())
            .validateAndBuildWithDefaults());
  }
}
