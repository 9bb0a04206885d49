package dev.platform.flink.turnstile;

import dev.platform.core.turnstile.ParseResult;
import dev.platform.core.turnstile.TurnstileMessage;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Parses raw messages with the shared codec; what does not parse goes out as a dead letter. */
public final class MessageParser extends ProcessFunction<String, TurnstileEvent> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  private transient JobCounter messagesIn;
  private transient JobCounter deadLetters;
  private transient LongMinimum firstMessageAt;

  @Override
  public void open(OpenContext openContext) {
    messagesIn = JobCounter.register(getRuntimeContext(), JobMetrics.MESSAGES_IN);
    deadLetters = JobCounter.register(getRuntimeContext(), JobMetrics.DEAD_LETTERS);
    firstMessageAt = new LongMinimum();
    getRuntimeContext().addAccumulator(JobMetrics.FIRST_MESSAGE_AT, firstMessageAt);
  }

  @Override
  public void processElement(String raw, Context ctx, Collector<TurnstileEvent> out) {
    if (messagesIn.count() == 0) {
      firstMessageAt.add(System.currentTimeMillis());
    }
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
    return messagesIn.count();
  }

  long deadLetters() {
    return deadLetters.count();
  }
}
