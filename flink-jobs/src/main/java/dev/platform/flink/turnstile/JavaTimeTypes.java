package dev.platform.flink.turnstile;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.LocalTimeTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink's own serializers for the {@code java.time} fields of the job's records, named on the
 * fields with {@code @TypeInfo}: without them those fields go through Kryo, several times slower.
 * ({@code core}'s {@code StreamAggregate} knows nothing of Flink; it only passes between chained
 * operators, where nothing is serialized.)
 */
public final class JavaTimeTypes {
  private JavaTimeTypes() {}

  public static final class LocalDates extends TypeInfoFactory<LocalDate> {
    @Override
    public TypeInformation<LocalDate> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return LocalTimeTypeInfo.LOCAL_DATE;
    }
  }

  public static final class LocalDateTimes extends TypeInfoFactory<LocalDateTime> {
    @Override
    public TypeInformation<LocalDateTime> createTypeInfo(
        Type t, Map<String, TypeInformation<?>> genericParameters) {
      return LocalTimeTypeInfo.LOCAL_DATE_TIME;
    }
  }
}
