package org.openreferral.bootstrap.security;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (both given by path, so Selenium Manager never looks for
 * or downloads a browser). Keeps every browser console entry and every DevTools network event it reads, and saves
 * full-page screenshots under {@code target/browser/}.
 *
 * <p>Without the two binaries the tests that use it are skipped, loudly, so that {@code ./mvnw verify} passes on a
 * machine with only a JDK; with {@code REFERRAL_BROWSER_TESTS=required} (as {@code .ci/run} sets) they fail instead.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("REFERRAL_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("REFERRAL_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<LogEntry> network = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling test (or fails it, when browser tests are required) unless Chromium and its driver exist. */
    static void assumeInstalled() {
        List<String> missing = new ArrayList<>();
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(binary).canExecute()) {
                missing.add(binary);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = String.join(" and ", missing) + " missing (apt-get install chromium chromium-driver)";
        if ("required".equals(System.getenv("REFERRAL_BROWSER_TESTS"))) {
            fail("BROWSER TESTS REQUIRED (REFERRAL_BROWSER_TESTS=required) BUT NOT POSSIBLE: " + why);
        }
        String message = "BROWSER TESTS NOT RUN: " + why + "; REFERRAL_BROWSER_TESTS=required makes this a failure";
        System.err.println("\n!!!!! " + message + " !!!!!\n");
        Assumptions.abort(message);
    }

    static Browser start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new Browser(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
        until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    /** Waits for an element to be displayed and returns it. */
    WebElement visible(String cssSelector) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(cssSelector));
            return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
        });
    }

    /** Waits until the element's text contains the given text, and returns the whole text. */
    String textContaining(String cssSelector, String text) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(cssSelector));
            String shown = found.isEmpty() ? "" : found.get(0).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    void fill(String cssSelector, String value) {
        WebElement input = visible(cssSelector);
        input.clear();
        input.sendKeys(value);
    }

    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Saves a screenshot of the whole page (beyond the window) as target/browser/NAME.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Object data = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true)).get("data");
            byte[] png = data instanceof String base64 ? Base64.getDecoder().decode(base64)
                    : driver.getScreenshotAs(OutputType.BYTES);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every console entry of the browser so far (all windows of this driver). */
    List<LogEntry> console() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        return List.copyOf(console);
    }

    /** Every DevTools event of the performance log so far, as its JSON text. */
    List<LogEntry> networkEvents() {
        driver.manage().logs().get(LogType.PERFORMANCE).forEach(network::add);
        return List.copyOf(network);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
