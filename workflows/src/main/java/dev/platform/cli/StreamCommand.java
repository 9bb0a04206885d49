package dev.platform.cli;

import picocli.CommandLine.Command;

@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = "The turnstile stream: produce messages to Kafka.",
    subcommands = {StreamProduceCommand.class})
final class StreamCommand {}
