package org.headwater.cli.web;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium ({@code chromium}), driven through Debian's {@code chromedriver}
 * ({@code chromium-driver}): Selenium Manager cannot download drivers here, so both binaries are
 * named explicitly. Without them the calling test is skipped, with the reason printed.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Set to a directory (e.g. {@code docs/screenshots}) to save the pages as PNG there. */
  static final String SCREENSHOTS = "headwater.screenshots";

  final ChromeDriver driver;
  private final ChromeDriverService service;

  private Browser(ChromeDriver driver, ChromeDriverService service) {
    this.driver = driver;
    this.service = service;
  }

  /** Starts the browser, or skips the test when Chromium or its driver is not installed. */
  static Browser start(Path profile) throws IOException {
    return start(profile, true);
  }

  /** Like {@link #start(Path)}, with JavaScript turned off when {@code javascript} is false. */
  static Browser start(Path profile, boolean javascript) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String reason = "needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): sudo apt-get install chromium chromium-driver";
      @SuppressWarnings("resource") // the process's own stderr stays open
      PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
      console.println("[SKIPPED] WebPagesIT: " + reason);
      Assumptions.abort(reason);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1100",
        "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
    if (!javascript) {
      options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, service);
  }

  /**
   * Clicks {@code element} and waits until the browser has left the page it was on. A click that
   * submits a form or follows a link returns before the next page is loaded, so looking for an
   * element right after it could find the old page's element, or miss the new page's.
   */
  void follow(WebElement element) {
    WebElement page = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
  }

  /** Saves what the browser shows as {@code NAME.png} when {@value #SCREENSHOTS} is set. */
  void screenshot(String name) throws IOException {
    String dir = System.getProperty(SCREENSHOTS);
    if (dir == null || dir.isBlank()) {
      return;
    }
    Path target = Path.of(dir).resolve(name + ".png");
    Files.createDirectories(target.getParent());
    driver.executeScript("window.scrollTo(0, 0)");
    Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
