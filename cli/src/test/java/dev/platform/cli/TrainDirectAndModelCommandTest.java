package dev.platform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.platform.core.lake.LocalLake;
import dev.platform.heart.ApiNotifier;
import dev.platform.heart.DirectTraining;
import dev.platform.heart.HeartLake;
import dev.platform.heart.HeartTrainingTypes.HeartTrainingResult;
import dev.platform.ml.TestData;
import dev.platform.ml.registry.RegistryReader;
import dev.platform.ml.train.TrainingSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train --direct} runs the workflow's activities in its order and promotes as the workflow
 * does; {@code model list / promote / rollback} steer CURRENT.
 */
class TrainDirectAndModelCommandTest {
  @TempDir Path home;
  @TempDir Path dir;

  @BeforeEach
  void useHome() {
    System.setProperty("platform.home", home.toString());
  }

  @AfterEach
  void clearHome() {
    System.clearProperty("platform.home");
  }

  @Test
  void directRunPromotesTellsTheApiAndKeepsItsOutputs() throws Exception {
    Path sample = TestData.devSample(dir, 4_000);
    List<String> reloads = new CopyOnWriteArrayList<>();
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/admin/model/reload",
        exchange -> {
          reloads.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-API-Key"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    api.start();
    try {
      HeartLake lake = new HeartLake(new LocalLake(home.resolve("lake")), home);
      ApiNotifier notifier =
          new ApiNotifier(
              Optional.of(URI.create("http://127.0.0.1:" + api.getAddress().getPort())), "k");
      Path out = dir.resolve("out");
      List<String> progress = new ArrayList<>();
      HeartTrainingResult result =
          new DirectTraining(lake, notifier, TrainingSettings.smallGrid())
              .run(sample.toString(), out, progress::add);

      assertTrue(result.promoted(), result.reason());
      assertEquals(Optional.of(result.versionId()), lake.currentVersion());
      assertEquals(List.of("POST k"), reloads, "the API is told to reload");
      for (String output :
          List.of(
              "model/bundle.json",
              "report.md",
              "metrics.json",
              "charts/roc_curves.png",
              "profile/profile.md",
              "splits/test.csv.gz",
              "prepared/prepared.json")) {
        assertTrue(Files.isRegularFile(out.resolve(output)), output);
      }
      assertTrue(progress.get(0).startsWith("ingested the source"), progress.toString());
      assertTrue(progress.get(1).startsWith("prepared "), progress.toString());
      assertEquals(4, progress.stream().filter(line -> line.startsWith("trained ")).count());
      assertTrue(progress.stream().anyMatch(line -> line.startsWith("profiled ")));
    } finally {
      api.stop(0);
    }
  }

  @Test
  void trainDirectTwiceThenListRollBackAndPromote() throws Exception {
    Path sample = TestData.devSample(dir, 3_000);
    String first =
        run("train", "--direct", "--data", sample.toString(), "--out", dir.resolve("a").toString());
    assertTrue(first.contains("promoted: bundle "), first);
    Thread.sleep(1_100); // versions are named by the second they were made in
    String second =
        run("train", "--direct", "--data", sample.toString(), "--out", dir.resolve("b").toString());
    assertTrue(second.contains("on the same"), "compared on the same rows: " + second);

    HeartLake lake = new HeartLake(new LocalLake(home.resolve("lake")), home);
    List<String> versions = lake.versions();
    assertEquals(2, versions.size(), versions.toString());
    String list = run("model", "list");
    assertTrue(list.matches("(?s).*\\n\\*\\s+" + versions.get(1) + " .*"), list);
    assertTrue(list.contains("CURRENT: " + versions.get(1)), list);

    List<String> reloads = new CopyOnWriteArrayList<>();
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/admin/model/reload",
        exchange -> {
          reloads.add(exchange.getRequestHeaders().getFirst("X-API-Key"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    api.start();
    System.setProperty("platform.api.url", "http://127.0.0.1:" + api.getAddress().getPort());
    System.setProperty("platform.api.key", "steer");
    try {
      String rollback = run("model", "rollback");
      assertTrue(
          rollback.contains("CURRENT: " + versions.get(0) + " (was " + versions.get(1)), rollback);
      assertEquals(Optional.of(versions.get(0)), lake.currentVersion());
      assertEquals(List.of("steer"), reloads, "rollback tells the API: " + rollback);

      String promote = run("model", "promote", versions.get(1));
      assertTrue(promote.contains("CURRENT: " + versions.get(1)), promote);
      assertEquals(Optional.of(versions.get(1)), lake.currentVersion());
      assertEquals(List.of("steer", "steer"), reloads, "promote tells the API: " + promote);
    } finally {
      System.clearProperty("platform.api.url");
      System.clearProperty("platform.api.key");
      api.stop(0);
    }
    String history = run("model", "list");
    assertTrue(history.contains("rollback") && history.contains("manual"), history);
    RegistryReader.Listing listing = lake.registry().listing();
    for (RegistryReader.Version version : listing.versions()) {
      assertTrue(
          history.contains(version.version() + "  " + version.createdAt()),
          "model list shows " + version + ": " + history);
      assertTrue(history.contains(version.dataSha256().substring(0, 12)), history);
    }
    assertEquals(4, listing.changes().size(), listing.changes().toString());
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = PlatformCommand.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    assertEquals(0, exit, String.join(" ", args) + ": " + err + out);
    return out.toString();
  }
}
