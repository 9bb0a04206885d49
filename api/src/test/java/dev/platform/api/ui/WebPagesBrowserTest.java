package dev.platform.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.api.TestBundles;
import dev.platform.api.TrafficFixture;
import dev.platform.core.lake.Lake;
import dev.platform.core.lake.LocalLake;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web pages in a real headless Chromium (Debian's chromium and chromium-driver). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesBrowserTest implements TestPropertyProvider {
  private static final Path BUNDLE = TestBundles.xgboost();

  private static final Path LAKE = Path.of("target", "web-pages-lake").toAbsolutePath();

  @Inject EmbeddedServer server;
  private WebDriver browser;
  private final Lake lake = new LocalLake(LAKE);

  @Override
  public Map<String, String> getProperties() {
    return Map.of("api.model-dir", BUNDLE.toString(), "api.lake", LAKE.toString());
  }

  @BeforeAll
  void startBrowser() {
    browser = Chromium.start();
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void fillingTheFormShowsAScoreAndItsTopFactors() {
    openForm();
    type("bmi", "40");
    type("physicalhealth", "0");
    type("mentalhealth", "0");
    type("sleeptime", "10");
    choose("sex", "Male");
    choose("agecategory", "65-69");
    choose("diffwalking", "Yes");
    choose("genhealth", "Good");
    browser.findElement(By.id("submit")).click();

    WebElement score = waitVisible("result").findElement(By.id("risk-score"));
    assertTrue(score.getText().matches("\\d+\\.\\d%"), score.getText());
    String label = browser.findElement(By.id("risk-label")).getText();
    assertTrue(List.of("none", "low", "medium", "high").contains(label), label);
    assertTrue(browser.findElements(By.cssSelector("#factors li")).size() >= 3);
  }

  @Test
  void aBadValueShowsTheErrorMessage() {
    openForm();
    type("bmi", "400");
    type("physicalhealth", "0");
    type("mentalhealth", "0");
    type("sleeptime", "7");
    browser.findElement(By.id("submit")).click();

    String errors = waitVisible("errors").getText();
    assertTrue(errors.contains("Body mass index: must be between 10 and 100, got 400"), errors);
  }

  @Test
  void theReportPageShowsEveryModelAndLoadsTheCharts() {
    browser.get(server.getURL() + "/ui/report.html");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            driver ->
                "true"
                    .equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    assertEquals(4, browser.findElements(By.cssSelector("#metrics tbody tr")).size());
    for (String chart : List.of("chart-metrics", "chart-confusion", "chart-roc")) {
      Object width =
          ((JavascriptExecutor) browser)
              .executeScript("return document.getElementById(arguments[0]).naturalWidth;", chart);
      assertTrue(((Number) width).intValue() > 100, chart + " did not load");
    }
  }

  @Test
  void theTrafficPageShowsTotalsTablesChecksAndLoadsTheCharts() throws Exception {
    TrafficFixture.write(lake);
    open("/ui/traffic.html");

    String totals = browser.findElement(By.id("totals")).getText();
    assertTrue(totals.contains("61,234,567") && totals.contains("48,765,432"), totals);
    assertEquals("4,321", browser.findElement(By.id("unknown-intervals")).getText());
    String tables = browser.findElement(By.id("tables")).getText();
    assertTrue(tables.contains("fact_turnstile") && tables.contains("1,007,676"), tables);
    assertEquals(2, browser.findElements(By.cssSelector("#checks tbody tr.passed")).size());
    assertEquals(3, browser.findElements(By.cssSelector("#stations tbody tr")).size());
    assertTrue(browser.findElement(By.id("stations")).getText().contains("34 ST-PENN STA"));
    assertEquals(2, browser.findElements(By.cssSelector("#daily tbody tr")).size());
    List<WebElement> charts = browser.findElements(By.cssSelector("#charts img"));
    assertEquals(TrafficFixture.CHARTS.size(), charts.size());
    for (WebElement chart : charts) {
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(
              driver ->
                  ((Number)
                              ((JavascriptExecutor) driver)
                                  .executeScript("return arguments[0].naturalWidth;", chart))
                          .intValue()
                      > 100);
    }
    browser.findElement(By.linkText("Risk form")).click();
    assertTrue(browser.getCurrentUrl().endsWith("/ui/index.html"));
  }

  @Test
  void withoutASnapshotTheTrafficPageSaysSo() throws Exception {
    TrafficFixture.clear(lake);
    open("/ui/traffic.html");
    String summary = browser.findElement(By.id("summary")).getText();
    assertTrue(summary.contains("No traffic dashboard yet"), summary);
    assertFalse(browser.findElement(By.id("dashboard")).isDisplayed());
  }

  @Test
  void theOtherPagesLinkToTheTrafficDashboard() {
    for (String page : List.of("/ui/index.html", "/ui/report.html")) {
      browser.get(server.getURL() + page);
      assertTrue(
          browser
              .findElement(By.linkText("Traffic dashboard"))
              .getDomAttribute("href")
              .endsWith("traffic.html"),
          page);
    }
  }

  private void open(String page) {
    browser.get(server.getURL() + page);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            driver ->
                "true"
                    .equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  private void openForm() {
    browser.get(server.getURL() + "/ui/index.html");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            driver ->
                "true"
                    .equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  private void type(String field, String value) {
    WebElement input = browser.findElement(By.id("field-" + field));
    input.clear();
    input.sendKeys(value);
  }

  private void choose(String field, String value) {
    new Select(browser.findElement(By.id("field-" + field))).selectByValue(value);
  }

  private WebElement waitVisible(String id) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            driver -> {
              WebElement element = driver.findElement(By.id(id));
              return element.isDisplayed() ? element : null;
            });
  }
}
