package dev.platform.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.platform.api.TestBundles;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** With a model that cannot explain (logistic regression), the form still shows a score. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskFormWithoutExplanationsBrowserTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  private WebDriver browser;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("api.model-dir", TestBundles.logisticRegression().toString());
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
  void theFormAsksNoExplanationAndShowsTheScore() {
    browser.get(server.getURL() + "/ui/index.html");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(
        driver ->
            "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    for (String[] field :
        List.of(
            new String[] {"bmi", "31"},
            new String[] {"physicalhealth", "2"},
            new String[] {"mentalhealth", "0"},
            new String[] {"sleeptime", "7"})) {
      WebElement input = browser.findElement(By.id("field-" + field[0]));
      input.clear();
      input.sendKeys(field[1]);
    }
    browser.findElement(By.id("submit")).click();

    WebElement result =
        wait.until(
            driver -> {
              WebElement element = driver.findElement(By.id("result"));
              return element.isDisplayed() ? element : null;
            });
    assertTrue(
        result.findElement(By.id("risk-score")).getText().matches("\\d+\\.\\d%"), result.getText());
    assertFalse(browser.findElement(By.id("errors")).isDisplayed(), "no error is shown");
    assertFalse(browser.findElement(By.id("factors-section")).isDisplayed());
    assertEquals(
        "The serving model (logistic_regression) does not explain its scores.",
        browser.findElement(By.id("no-factors")).getText());
  }
}
