package dev.platform.cli;

import dev.platform.ml.data.HeartDataset;
import dev.platform.ml.profile.HeartProfiler;
import dev.platform.ml.profile.ProfileWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Profile the heart data: class balance, risk table, mutual information, charts.")
final class ProfileCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DataSource data;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Option(
      names = "--min-group",
      description = "Smallest group shown in the top-risk table (default: max(100, rows/200)).")
  Integer minGroup;

  @Override
  public Integer call() throws Exception {
    HeartDataset dataset = HeartDataset.load(data.location);
    spec.commandLine().getOut().println(dataset.summary());
    int min =
        minGroup != null ? minGroup : HeartProfiler.defaultMinGroupSize(dataset.records().size());
    ProfileWriter.write(HeartProfiler.profile(dataset.records(), min), out);
    spec.commandLine().getOut().println("profile written to " + out.resolve("profile.md"));
    return 0;
  }
}
