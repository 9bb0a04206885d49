package dev.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.platform.core.io.Folders;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeFolders;
import dev.platform.core.lake.LakeLayout;
import dev.platform.core.lake.LocalLake;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.registry.ModelChange;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bundles promoted into a lake that is not under the platform home ({@code api.lake}, as {@code
 * PLATFORM_LAKE} sets it) the way the training workflow promotes them: every file under {@code
 * heart/models/<version>/}, the manifest last, then {@code CURRENT}. The API serves them from its
 * local cache and keeps only the serving and the previous version there.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeModelTest implements TestPropertyProvider {
  private static final String KEY = "lake-test-key";

  private Path home;
  private Lake lake;

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Path.of("target", "lake-model-test").toAbsolutePath();
      Folders.deleteRecursively(root);
      home = root.resolve("home");
      Path lakeFolder = root.resolve("elsewhere/lake");
      lake = new LocalLake(lakeFolder);
      promote(TestBundles.xgboost());
      return Map.of(
          "api.platform-home",
          home.toString(),
          "api.lake",
          lakeFolder.toUri().toString(),
          "api.model-dir",
          "",
          "api.admin-key",
          KEY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final List<ModelChange> changes = new ArrayList<>();

  /** As the registry promotes: the bundle, its line in HISTORY, then CURRENT. */
  private String promote(Path bundle) throws IOException {
    String version = ModelBundle.readManifest(bundle).versionId();
    LakeFolders.put(lake, bundle, LakeLayout.heartModel(version), ModelBundle.MANIFEST_FILE);
    String previous = changes.isEmpty() ? "" : changes.get(changes.size() - 1).version();
    changes.add(
        new ModelChange(
            "2026-11-27T08:0" + changes.size() + ":00Z",
            version,
            previous,
            "promote",
            "test promotion " + changes.size()));
    lake.put(
        LakeLayout.HEART_HISTORY, ModelChange.format(changes).getBytes(StandardCharsets.UTF_8));
    lake.put(LakeLayout.HEART_CURRENT, (version + "\n").getBytes(StandardCharsets.UTF_8));
    return version;
  }

  private Path cached(String version) {
    return home.resolve("cache/models").resolve(version);
  }

  @Test
  void thePromotedBundleIsServedFromTheLakeThroughTheCache() throws Exception {
    Http http = new Http(client);
    String first = ModelBundle.readManifest(TestBundles.xgboost()).versionId();
    Http.Answer model = http.get("/model");
    assertEquals(200, model.status(), model.body());
    assertEquals(first, model.json().get("version_id").textValue());
    assertEquals(cached(first).toString(), model.json().get("location").textValue());
    assertTrue(Files.isRegularFile(cached(first).resolve("charts/roc_curves.png")));
    assertFalse(Files.exists(home.resolve("lake")), "the home's default lake is not used");
    assertEquals(200, http.postJson("/predict", Records.list(Records.CASE_1)).status());
    assertEquals(200, http.get("/model/charts/roc_curves.png").status());

    String second = promote(TestBundles.randomForest());
    assertEquals(second, reload().json().get("version").textValue());
    String third = promote(TestBundles.logisticRegression());
    Http.Answer reloaded = reload();
    assertEquals(200, reloaded.status(), reloaded.body());
    assertEquals(third, reloaded.json().get("version").textValue());
    assertEquals(third, http.get("/model").json().get("version_id").textValue());
    assertTrue(Files.isDirectory(cached(second)), "the previous bundle stays cached");
    assertFalse(Files.exists(cached(first)), "older bundles leave the cache");
    assertRegistryShown(
        http.get("/model").json().get("registry"),
        List.of(
            TestBundles.xgboost(), TestBundles.randomForest(), TestBundles.logisticRegression()));
  }

  /**
   * {@code /model}'s registry, read from the lake as {@code platform model list} reads it: every
   * version oldest first with its manifest's figures, CURRENT marked, every change in order.
   */
  private static void assertRegistryShown(JsonNode registry, List<Path> promoted)
      throws IOException {
    List<BundleManifest> manifests = new ArrayList<>();
    for (Path bundle : promoted) {
      manifests.add(ModelBundle.readManifest(bundle));
    }
    String current = manifests.get(manifests.size() - 1).versionId();
    assertEquals(current, registry.get("current").textValue(), registry.toString());
    List<BundleManifest> oldestFirst =
        manifests.stream().sorted(Comparator.comparing(BundleManifest::versionId)).toList();
    JsonNode versions = registry.get("versions");
    assertEquals(oldestFirst.size(), versions.size(), registry.toString());
    for (int i = 0; i < oldestFirst.size(); i++) {
      BundleManifest manifest = oldestFirst.get(i);
      JsonNode shown = versions.get(i);
      assertEquals(manifest.versionId(), shown.get("version").textValue());
      assertEquals(manifest.createdAt(), shown.get("created_at").textValue());
      assertEquals(manifest.dataSha256(), shown.get("data_sha256").textValue());
      assertEquals(manifest.model(), shown.get("serving_model").textValue());
      assertEquals(
          manifest.servingReport().validation().f1(),
          shown.get("validation").get("f1").doubleValue(),
          1e-12);
      assertEquals(
          manifest.servingReport().testAtThreshold().rocAuc(),
          shown.get("test").get("roc_auc").doubleValue(),
          1e-12);
      assertEquals(manifest.versionId().equals(current), shown.get("current").booleanValue());
    }
    JsonNode changed = registry.get("changes");
    assertEquals(manifests.size(), changed.size(), registry.toString());
    for (int i = 0; i < manifests.size(); i++) {
      assertEquals(manifests.get(i).versionId(), changed.get(i).get("version").textValue());
      assertEquals("promote", changed.get(i).get("action").textValue());
    }
    JsonNode none = changed.get(0).path("previous");
    assertTrue(none.isNull() || none.isMissingNode(), "the first model replaced none: " + none);
    assertEquals(
        manifests.get(0).versionId(), changed.get(1).get("previous").textValue(), "from the first");
  }

  @Test
  void aBundleWithoutItsManifestIsNotServed() throws Exception {
    lake.put(LakeLayout.heartModel("half") + "model.json", new byte[] {'{', '}'});
    lake.put(LakeLayout.HEART_CURRENT, "half\n".getBytes(StandardCharsets.UTF_8));
    try {
      Http.Answer failed = reload();
      assertEquals(409, failed.status(), failed.body());
      assertTrue(failed.json().get("message").textValue().contains("half"), failed.body());
      assertFalse(Files.exists(cached("half")));
      assertEquals(200, new Http(client).get("/model").status(), "the old model keeps serving");
    } finally {
      lake.delete(LakeLayout.heartModel("half") + "model.json");
    }
  }

  private Http.Answer reload() {
    return new Http(client)
        .send(HttpRequest.POST("/admin/model/reload", "").header("X-API-Key", KEY));
  }
}
