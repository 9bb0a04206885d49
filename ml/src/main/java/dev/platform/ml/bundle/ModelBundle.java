package dev.platform.ml.bundle;

import dev.platform.ml.train.ModelFiles;
import dev.platform.ml.train.ModelKind;
import dev.platform.ml.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A model bundle folder: {@code bundle.json} plus the serving model in its library's own format.
 * Written into a temporary sibling folder and renamed, so a reader never sees half a bundle. A
 * bundle read with {@link #read} owns its model: close it to free the model's native memory.
 */
public record ModelBundle(BundleManifest manifest, TrainedModel model) implements AutoCloseable {
  public static final String MANIFEST_FILE = "bundle.json";

  /** The report files a bundle carries, so whoever serves it can show how it was made. */
  public static final List<String> REPORT_FILES =
      List.of(
          "report.md",
          "metrics.json",
          "charts/model_metrics.png",
          "charts/confusion_matrices.png",
          "charts/roc_curves.png");

  /** Writes the bundle to {@code directory}, which must not exist yet. */
  public void write(Path directory) throws IOException {
    write(directory, null);
  }

  /**
   * Writes the bundle to {@code directory}, which must not exist yet, with the {@link
   * #REPORT_FILES} found in {@code reportDirectory} (may be null).
   */
  public void write(Path directory, Path reportDirectory) throws IOException {
    Path parent = directory.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + directory.getFileName() + "-");
    String modelFile = model.save(staging);
    if (!modelFile.equals(manifest.modelFile())) {
      throw new IllegalStateException(
          "model saved as " + modelFile + " but the manifest names " + manifest.modelFile());
    }
    Json.MAPPER.writeValue(staging.resolve(MANIFEST_FILE).toFile(), manifest);
    if (reportDirectory != null) {
      for (String file : REPORT_FILES) {
        Path source = reportDirectory.resolve(file);
        if (Files.isRegularFile(source)) {
          Files.createDirectories(staging.resolve(file).getParent());
          Files.copy(source, staging.resolve(file));
        }
      }
    }
    Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Closes the model (idempotent). */
  @Override
  public void close() {
    model.close();
  }

  /** Reads a bundle folder, or a training output folder holding one in {@code model/}. */
  public static ModelBundle read(Path directory) throws IOException {
    Path folder = locate(directory);
    BundleManifest manifest = readManifest(folder);
    TrainedModel model =
        ModelFiles.load(
            ModelKind.fromId(manifest.model()),
            folder.resolve(manifest.modelFile()),
            manifest.modelSettings(),
            manifest.encoding().columnNames());
    return new ModelBundle(manifest, model);
  }

  /** Reads only {@code bundle.json} of a bundle folder (or a training output folder). */
  public static BundleManifest readManifest(Path directory) throws IOException {
    Path folder = locate(directory);
    return checked(
        Json.MAPPER.readValue(folder.resolve(MANIFEST_FILE).toFile(), BundleManifest.class));
  }

  /** Reads a {@code bundle.json} from a stream (e.g. a lake object). */
  public static BundleManifest readManifest(java.io.InputStream json) throws IOException {
    return checked(Json.MAPPER.readValue(json, BundleManifest.class));
  }

  private static BundleManifest checked(BundleManifest manifest) throws IOException {
    if (manifest.formatVersion() != BundleManifest.FORMAT_VERSION) {
      throw new IOException(
          "bundle format "
              + manifest.formatVersion()
              + " is not supported; expected "
              + BundleManifest.FORMAT_VERSION);
    }
    return manifest;
  }

  /** The bundle folder inside {@code directory}: itself, or {@code model/} of a training run. */
  public static Path locate(Path directory) throws IOException {
    if (Files.isRegularFile(directory.resolve(MANIFEST_FILE))) {
      return directory;
    }
    Path nested = directory.resolve("model");
    if (Files.isRegularFile(nested.resolve(MANIFEST_FILE))) {
      return nested;
    }
    throw new IOException("no model bundle (" + MANIFEST_FILE + ") in " + directory);
  }
}
