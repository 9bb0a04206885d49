package dev.platform.cli;

import picocli.CommandLine.Option;

/** The {@code --data} option every heart-data command takes, defined once. */
final class DataSource {
  @Option(
      names = "--data",
      required = true,
      description = "CSV file (plain, gzip or ZIP) or http(s):/file: URL.")
  String location;
}
