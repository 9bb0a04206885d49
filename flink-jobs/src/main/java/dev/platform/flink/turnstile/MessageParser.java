package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileMessage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Parses raw messages with the shared codec; what does not parse goes out as a dead letter. */
public final class MessageParser extends ProcessFunction<String, TurnstileEvent> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  private transient Counter messagesIn;
  private transient Counter deadLetters;

  @Override
  public void open(OpenContext openContext) {
    messagesIn = getRuntimeContext().getMetricGroup().counter(JobMetrics.MESSAGES_IN);
    deadLetters = getRuntimeContext().getMetricGroup().counter(JobMetrics.DEAD_LETTERS);
  }

  @Override
  public void processElement(String raw, Context ctx, Collector<TurnstileEvent> out) {
    messagesIn.inc();
    ParseResult<TurnstileMessage> parsed = TurnstileMessage.parse(raw);
    if (parsed.isOk()) {
      out.collect(TurnstileEvent.of(parsed.get(), raw));
    } else {
      deadLetters.inc();
      ctx.output(DEAD_LETTERS, new DeadLetter(raw == null ? "" : raw, parsed.problem()));
    }
  }

  long messagesIn() {
    return messagesIn.getCount();
  }

  long deadLetters() {
    return deadLetters.getCount();
  }
}
