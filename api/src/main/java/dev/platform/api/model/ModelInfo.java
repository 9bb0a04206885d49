package dev.platform.api.model;

import dev.platform.ml.bundle.BundleManifest;
import dev.platform.ml.bundle.ModelReport;
import dev.platform.ml.data.FieldSpec;
import dev.platform.ml.data.HeartSchema;
import dev.platform.ml.eval.Metrics;
import dev.platform.ml.registry.ModelChange;
import dev.platform.ml.registry.RegistryReader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code GET /model} tells: the serving bundle, whether it explains its scores, every model's
 * metrics, the input schema, and the registry's version history (as {@code platform model list}
 * shows it).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ModelInfo(
    String versionId,
    String createdAt,
    String dataSha256,
    String servingModel,
    boolean explains,
    double threshold,
    String location,
    Map<String, ModelMetrics> models,
    List<FieldInfo> schema,
    @Nullable RegistryView registry) {

  /** A model's metrics on validation and on test (at 0.5 and at its own threshold). */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record ModelMetrics(
      @Nullable Double threshold,
      MetricsView validation,
      MetricsView testAtHalf,
      MetricsView testAtThreshold) {}

  /** One split's metrics; non-finite values are written as null. */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record MetricsView(
      @Nullable Double threshold,
      @Nullable Double accuracy,
      @Nullable Double precision,
      @Nullable Double recall,
      @Nullable Double f1,
      @Nullable Double rocAuc,
      @Nullable Double brier,
      long truePositives,
      long falsePositives,
      long trueNegatives,
      long falseNegatives) {

    static @Nullable MetricsView of(@Nullable Metrics metrics) {
      if (metrics == null) {
        return null;
      }
      return new MetricsView(
          finite(metrics.threshold()),
          finite(metrics.accuracy()),
          finite(metrics.precision()),
          finite(metrics.recall()),
          finite(metrics.f1()),
          finite(metrics.rocAuc()),
          finite(metrics.brier()),
          metrics.confusion().truePositives(),
          metrics.confusion().falsePositives(),
          metrics.confusion().trueNegatives(),
          metrics.confusion().falseNegatives());
    }
  }

  /** One input field: its kind and the values it accepts. */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record FieldInfo(
      String name,
      String kind,
      @Nullable Double min,
      @Nullable Double max,
      @Nullable List<String> values,
      boolean ordered) {

    static FieldInfo of(FieldSpec field) {
      String kind = field.kind().name().toLowerCase(Locale.ROOT);
      return switch (field.kind()) {
        case NUMBER -> new FieldInfo(field.name(), kind, field.min(), field.max(), null, false);
        case YES_NO -> new FieldInfo(field.name(), kind, null, null, List.of("No", "Yes"), false);
        case CATEGORY ->
            new FieldInfo(field.name(), kind, null, null, field.levels(), field.ordered());
      };
    }
  }

  /**
   * @param explains whether {@code /predict?explain=true} works with this model (XGBoost boosters)
   */
  public static ModelInfo of(BundleManifest manifest, Path location, boolean explains) {
    Map<String, ModelMetrics> models = new LinkedHashMap<>();
    manifest.models().forEach((name, report) -> models.put(name, metrics(report)));
    return new ModelInfo(
        manifest.versionId(),
        manifest.createdAt(),
        manifest.dataSha256(),
        manifest.model(),
        explains,
        manifest.threshold(),
        location.toString(),
        models,
        HeartSchema.FIELDS.stream().map(FieldInfo::of).toList(),
        null);
  }

  /** This description with the registry's history as read now. */
  public ModelInfo withRegistry(RegistryView registry) {
    return new ModelInfo(
        versionId,
        createdAt,
        dataSha256,
        servingModel,
        explains,
        threshold,
        location,
        models,
        schema,
        registry);
  }

  /**
   * The registry in the lake ({@link RegistryReader#listing()}): CURRENT, every stored version
   * oldest first, every change of CURRENT oldest first; {@code error} when it could not be read.
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record RegistryView(
      @Nullable String current,
      List<VersionView> versions,
      List<ChangeView> changes,
      @Nullable String error) {

    public static RegistryView of(RegistryReader.Listing listing) {
      return new RegistryView(
          listing.current().isEmpty() ? null : listing.current(),
          listing.versions().stream().map(VersionView::of).toList(),
          listing.changes().stream().map(ChangeView::of).toList(),
          null);
    }

    public static RegistryView unreadable(String error) {
      return new RegistryView(null, List.of(), List.of(), error);
    }
  }

  /** One stored version: created, data hash, serving model, validation and test metrics. */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record VersionView(
      String version,
      String createdAt,
      String dataSha256,
      String servingModel,
      @Nullable MetricsView validation,
      @Nullable MetricsView test,
      boolean current) {

    static VersionView of(RegistryReader.Version version) {
      return new VersionView(
          version.version(),
          version.createdAt(),
          version.dataSha256(),
          version.servingModel(),
          MetricsView.of(version.validation()),
          MetricsView.of(version.test()),
          version.current());
    }
  }

  /** One change of CURRENT: when, to and from which version, by what, why. */
  @Serdeable(naming = SnakeCaseStrategy.class)
  public record ChangeView(
      String changedAt, String version, @Nullable String previous, String action, String reason) {

    static ChangeView of(ModelChange change) {
      return new ChangeView(
          change.changedAt(),
          change.version(),
          change.previous().isEmpty() ? null : change.previous(),
          change.action(),
          change.reason());
    }
  }

  private static ModelMetrics metrics(ModelReport report) {
    return new ModelMetrics(
        finite(report.threshold()),
        MetricsView.of(report.validation()),
        MetricsView.of(report.testAtHalf()),
        MetricsView.of(report.testAtThreshold()));
  }

  private static @Nullable Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
