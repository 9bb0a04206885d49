package dev.platform.api;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the heart-disease risk API. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "heart-risk-api",
            version = "${api.version}",
            description =
                "Heart-disease risk scores for survey records, with optional per-field"
                    + " explanations, the serving model's description and admin reload."))
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
