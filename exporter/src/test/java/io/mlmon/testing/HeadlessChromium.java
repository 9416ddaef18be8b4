package io.mlmon.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromium-driver} by Selenium,
 * with a fresh profile; for tests of pages served on loopback. Both executables are taken from the
 * PATH (Selenium Manager, which would download drivers, is never asked). {@link #close()} ends the
 * browser and the driver and removes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {
  /**
   * Selenium looks for a DevTools binding matching the browser's version and warns when it has
   * none; these tests use no DevTools, so the warning is noise. Held so it is not collected.
   */
  private static final Logger CDP_LOG =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  public static HeadlessChromium start() throws IOException {
    Path chromium = onPath("chromium", "chromium");
    Path chromedriver = onPath("chromedriver", "chromium-driver");
    CDP_LOG.setLevel(Level.SEVERE);
    Path profile = Files.createTempDirectory("mlmon-chromium-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(30))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      return new HeadlessChromium(profile, service, driver);
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(profile);
      throw e;
    }
  }

  /** Opens {@code url} in a window of this size and waits (bounded) until it has loaded. */
  public void open(String url, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    driver.get(url);
    Await.until(
        "the page loaded",
        Duration.ofSeconds(20),
        () -> "complete".equals(driver.executeScript("return document.readyState")));
  }

  /** Runs {@code body} as the body of a function in the page and returns its result. */
  public Object script(String body) {
    return driver.executeScript(body);
  }

  /** Grows the window to the whole page's height, then saves a PNG screenshot of it. */
  public void saveFullPage(Path file) throws IOException {
    Dimension window = driver.manage().window().getSize();
    long inner = (Long) script("return window.innerHeight");
    long page = (Long) script("return document.documentElement.scrollHeight");
    int chrome = (int) (window.getHeight() - inner);
    driver.manage().window().setSize(new Dimension(window.getWidth(), (int) page + chrome));
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    if (png.length < 8 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
      throw new IllegalStateException("the screenshot is not a PNG");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, png);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try {
        service.stop();
      } finally {
        deleteRecursively(profile);
      }
    }
  }

  /** An executable on the PATH; fails naming the Debian package when it is missing. */
  private static Path onPath(String command, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(
        command
            + " is not on the PATH: install Debian's "
            + debianPackage
            + " (./run-tests does: apt-get install "
            + debianPackage
            + ")");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
