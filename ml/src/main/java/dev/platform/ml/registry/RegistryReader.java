package dev.platform.ml.registry;

import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LakeLayout;
import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelBundle;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.eval.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the heart model registry from the lake: the promoted bundles ({@link
 * LakeLayout#heartModel}), {@link LakeLayout#HEART_CURRENT} and {@link LakeLayout#HEART_HISTORY}.
 * What {@code platform model list} prints and the API's {@code /model} shows both come from {@link
 * #listing()}.
 */
public final class RegistryReader {
  private final Lake lake;

  public RegistryReader(Lake lake) {
    this.lake = lake;
  }

  /**
   * One stored version: when it was made, from which data, the serving model and its validation and
   * test metrics (test at the tuned threshold), whether it is CURRENT.
   */
  public record Version(
      String version,
      String createdAt,
      String dataSha256,
      String servingModel,
      Metrics validation,
      Metrics test,
      boolean current) {

    static Version of(BundleManifest manifest, boolean current) {
      ModelReport serving = manifest.servingReport();
      return new Version(
          manifest.versionId(),
          manifest.createdAt(),
          manifest.dataSha256(),
          manifest.model(),
          serving.validation(),
          serving.testAtThreshold(),
          current);
    }
  }

  /**
   * The registry: CURRENT (empty: none), every complete version oldest first, and every change of
   * CURRENT oldest first.
   */
  public record Listing(String current, List<Version> versions, List<ModelChange> changes) {}

  public Listing listing() throws IOException {
    String current = currentVersion().orElse("");
    List<Version> versions = new ArrayList<>();
    for (String version : versions()) {
      if (hasBundle(version)) { // a bundle still going up has no manifest yet: it comes last
        versions.add(Version.of(manifest(version), version.equals(current)));
      }
    }
    return new Listing(current, List.copyOf(versions), history());
  }

  /** The serving bundle's version, if one was promoted. */
  public Optional<String> currentVersion() throws IOException {
    if (!lake.exists(LakeLayout.HEART_CURRENT)) {
      return Optional.empty();
    }
    try (InputStream in = lake.open(LakeLayout.HEART_CURRENT)) {
      String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }
  }

  /** True when every file of the bundle is in the lake: its manifest goes up last. */
  public boolean hasBundle(String version) throws IOException {
    return lake.exists(manifestKey(version));
  }

  /** The manifest of a promoted bundle. */
  public BundleManifest manifest(String version) throws IOException {
    try (InputStream in = lake.open(manifestKey(version))) {
      return ModelBundle.readManifest(in);
    }
  }

  /** Every change of CURRENT, oldest first. */
  public List<ModelChange> history() throws IOException {
    if (!lake.exists(LakeLayout.HEART_HISTORY)) {
      return List.of();
    }
    try (InputStream in = lake.open(LakeLayout.HEART_HISTORY)) {
      return ModelChange.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The versions of every stored bundle (complete or not), oldest first. */
  public List<String> versions() throws IOException {
    return lake.list(LakeLayout.HEART_MODELS).stream()
        .map(object -> object.key().substring(LakeLayout.HEART_MODELS.length()))
        .filter(rest -> rest.contains("/"))
        .map(rest -> rest.substring(0, rest.indexOf('/')))
        .distinct()
        .sorted()
        .toList();
  }

  /** The key of a version's manifest, the last of its files to go up. */
  public static String manifestKey(String version) {
    return LakeLayout.heartModel(version) + ModelBundle.MANIFEST_FILE;
  }
}
