package dev.platform.flink.turnstile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/** A sink that keeps what it gets in this JVM, for MiniCluster tests. */
final class CollectingSink<T> implements Sink<T> {
  private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();
  private final String id = UUID.randomUUID().toString();

  CollectingSink() {
    COLLECTED.put(id, new ConcurrentLinkedQueue<>());
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    Queue<Object> queue = COLLECTED.get(id);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context context) {
        queue.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }

  @SuppressWarnings("unchecked")
  List<T> values() {
    List<T> values = new ArrayList<>();
    for (Object o : COLLECTED.get(id)) {
      values.add((T) o);
    }
    return values;
  }
}
