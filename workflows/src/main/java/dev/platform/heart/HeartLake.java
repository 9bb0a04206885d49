package dev.platform.heart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The heart data's places in the lake folder under the platform home:
 *
 * <pre>
 * lake/heart/raw/&lt;sha256&gt;/&lt;file name&gt;   ingested sources, one folder per content
 * lake/heart/models/&lt;version id&gt;/        promoted bundles
 * lake/heart/models/CURRENT               the serving bundle's version id
 * runs/&lt;workflow id&gt;/                    a training run's candidates, bundle, report, charts
 * </pre>
 */
public record HeartLake(Path home) {
  static final String CURRENT = "CURRENT";

  public Path rawFolder(String sha256) {
    return home.resolve("lake/heart/raw").resolve(sha256);
  }

  public Path models() {
    return home.resolve("lake/heart/models");
  }

  public Path model(String versionId) {
    return models().resolve(versionId);
  }

  public Path run(String workflowId) {
    return home.resolve("runs").resolve(workflowId);
  }

  /** The serving bundle's folder, if one was promoted. */
  public Optional<Path> currentModel() throws IOException {
    Path pointer = models().resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    return Optional.of(model(Files.readString(pointer, StandardCharsets.UTF_8).strip()));
  }

  /** Points CURRENT at a promoted version, atomically. */
  public void setCurrent(String versionId) throws IOException {
    Files.createDirectories(models());
    Path staging = Files.createTempFile(models(), ".current-", ".tmp");
    Files.writeString(staging, versionId + "\n", StandardCharsets.UTF_8);
    Files.move(
        staging,
        models().resolve(CURRENT),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
