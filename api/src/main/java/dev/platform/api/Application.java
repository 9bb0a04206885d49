package dev.platform.api;

import io.micronaut.runtime.Micronaut;

/** Starts the heart-disease risk API. */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
