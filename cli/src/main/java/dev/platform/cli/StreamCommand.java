package dev.platform.cli;

import picocli.CommandLine.Command;

@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = "The turnstile stream: produce messages to Kafka, run the aggregation job.",
    subcommands = {StreamProduceCommand.class, StreamRunCommand.class})
final class StreamCommand {}
