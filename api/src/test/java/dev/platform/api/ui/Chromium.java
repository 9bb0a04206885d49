package dev.platform.api.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven through its chromedriver. */
final class Chromium {
  private Chromium() {}

  static WebDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(executable("/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(executable("/usr/bin/chromedriver")).toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static String executable(String path) {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(
          path + " is missing: apt-get install chromium chromium-driver (.ci/run does)");
    }
    return path;
  }
}
