package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** The job's records travel and sit in state as Flink POJOs, no field through Kryo. */
class FlinkTypesTest {
  /** Types that cross a shuffle or live in state. */
  @Test
  void recordsAreFlinkPojosAllTheWayDown() {
    for (Class<?> type :
        new Class<?>[] {
          TurnstileEvent.class, WindowKey.class, TrafficCounts.class, DeadLetter.class
        }) {
      TypeInformation<?> info = TypeInformation.of(type);
      assertInstanceOf(PojoTypeInfo.class, info, type.getName());
      assertNoKryo(type.getName(), info);
    }
  }

  private static void assertNoKryo(String path, TypeInformation<?> info) {
    assertFalse(info instanceof GenericTypeInfo, path + " is " + info);
    if (info instanceof PojoTypeInfo<?> pojo) {
      for (int i = 0; i < pojo.getArity(); i++) {
        assertNoKryo(path + "." + pojo.getPojoFieldAt(i).getField().getName(), pojo.getTypeAt(i));
      }
    }
  }
}
