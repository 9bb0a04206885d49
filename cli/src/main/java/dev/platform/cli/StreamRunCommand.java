package dev.platform.cli;

import dev.platform.core.config.PlatformEnvironment;
import dev.platform.devstack.Component;
import dev.platform.devstack.FlinkJobComponent;
import dev.platform.turnstile.stream.FlinkRestClient;
import dev.platform.turnstile.stream.StreamJobSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the turnstile aggregation job (Kafka -> 5-minute windows -> lake).",
      "--local: on a MiniCluster in its own JVM, in the foreground, with the Flink web UI on"
          + " --rest-port. Otherwise the job jar is submitted to the Flink cluster whose REST API"
          + " FLINK_REST_URL names.",
      "Orchestrated runs (restarts from checkpoints) come from the TurnstileStream workflow,"
          + " which `platform dev` starts.",
      "Extra arguments after -- go to the job (see `platform stream run --local -- --help`)."
    })
final class StreamRunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--local", description = "Run on a local MiniCluster in its own JVM.")
  boolean local;

  @Option(
      names = "--rest-port",
      defaultValue = "8081",
      description = "Flink web UI port with --local. Default: ${DEFAULT-VALUE}.")
  int restPort;

  @Parameters(description = "Options passed to the job.")
  List<String> jobOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PlatformEnvironment env = PlatformEnvironment.current();
    StreamJobSettings settings = StreamJobSettings.from(env);
    List<String> args = new ArrayList<>(settings.jobArgs());
    args.addAll(jobOptions);
    if (local) {
      Component job = FlinkJobComponent.component(env.home(), restPort, args, Map.of());
      out.printf("running the job locally; Flink web UI at %s (Ctrl-C stops)%n", job.where());
      out.flush();
      Process process = new ProcessBuilder(job.foregroundCommand()).inheritIO().start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      return process.waitFor();
    }
    if (settings.local()) {
      throw new IllegalArgumentException(
          "no Flink cluster: set FLINK_REST_URL to its REST API (e.g. http://jobmanager:8081),"
              + " or use --local");
    }
    if (!Files.isRegularFile(settings.clusterJar())) {
      throw new IllegalArgumentException(
          "the job jar "
              + settings.clusterJar()
              + " does not exist: ./mvnw -pl flink-jobs -am package, or set FLINK_JOB_JAR");
    }
    FlinkRestClient rest = new FlinkRestClient(settings.restUrl());
    String jarId = rest.uploadJar(settings.clusterJar());
    String jobId = rest.runJar(jarId, args, Optional.empty());
    out.printf("submitted job %s to %s (web UI there)%n", jobId, rest.baseUrl());
    return 0;
  }
}
