package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.platform.core.turnstile.StreamAggregate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** The job's records travel and sit in state as Flink POJOs, never through Kryo. */
class FlinkTypesTest {
  @Test
  void recordsAreFlinkPojos() {
    for (Class<?> type :
        new Class<?>[] {
          TurnstileEvent.class,
          WindowKey.class,
          TrafficCounts.class,
          DeadLetter.class,
          StreamAggregate.class
        }) {
      assertInstanceOf(PojoTypeInfo.class, TypeInformation.of(type), type.getName());
    }
  }
}
