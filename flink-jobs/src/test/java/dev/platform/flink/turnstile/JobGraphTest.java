package dev.platform.flink.turnstile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.ForwardPartitioner;
import org.apache.flink.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.apache.flink.streaming.runtime.partitioner.StreamPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the job's operators are connected: where records are shuffled by key, and where not. */
class JobGraphTest {
  @TempDir Path work;

  private StreamGraph graph(int parallelism) {
    JobOptions options =
        JobOptions.parse(
            new String[] {
              "--lake",
              work.resolve("lake").toString(),
              "--checkpoint-dir",
              work.resolve("checkpoints").toString()
            },
            Map.of());
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(
            TurnstileAggregationJob.configuration(options));
    env.setParallelism(parallelism);
    new TurnstileAggregationJob(
            options,
            FileSource.forRecordStreamFormat(
                    new TextLineInputFormat(),
                    new org.apache.flink.core.fs.Path(work.resolve("none.txt").toUri()))
                .build(),
            LakeSinks.aggregates(options.lakeUri()),
            LakeSinks.lateMessages(options.lakeUri()),
            new CollectingSink<>())
        .build(env);
    return env.getStreamGraph();
  }

  private static StreamPartitioner<?> into(StreamGraph graph, String operator) {
    StreamNode node =
        graph.getStreamNodes().stream()
            .filter(n -> n.getOperatorName().equals(operator))
            .findFirst()
            .orElseThrow();
    assertEquals(1, node.getInEdges().size(), operator);
    StreamEdge edge = node.getInEdges().get(0);
    return edge.getPartitioner();
  }

  @Test
  void oneSubtaskKeysTheParsedStreamWhereItIsAndChainsItsWindows() {
    StreamGraph graph = graph(1);
    assertInstanceOf(ForwardPartitioner.class, into(graph, "deduplicate"));
    assertInstanceOf(ForwardPartitioner.class, into(graph, "window-sums"));
  }

  @Test
  void moreSubtasksShuffleByKeyOnceBeforeTheDeduplicator() {
    StreamGraph graph = graph(2);
    assertInstanceOf(KeyGroupStreamPartitioner.class, into(graph, "deduplicate"));
    assertInstanceOf(ForwardPartitioner.class, into(graph, "window-sums"));
  }
}
