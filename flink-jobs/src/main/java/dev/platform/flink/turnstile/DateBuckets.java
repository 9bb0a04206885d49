package dev.platform.flink.turnstile;

import java.time.LocalDate;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.util.function.SerializableFunction;

/** Buckets files by an element's local date: {@code date=YYYY-MM-DD}, as in the lake layout. */
public final class DateBuckets<T> implements BucketAssigner<T, String> {
  private final SerializableFunction<T, LocalDate> dateOf;

  public DateBuckets(SerializableFunction<T, LocalDate> dateOf) {
    this.dateOf = dateOf;
  }

  @Override
  public String getBucketId(T element, Context context) {
    return "date=" + dateOf.apply(element);
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
