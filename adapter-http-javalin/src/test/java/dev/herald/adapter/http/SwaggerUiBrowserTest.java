package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * /docs in a real, headless Chromium (docs/API.md §10): Swagger UI loads from Herald alone under the page's
 * Content-Security-Policy and renders the operations of openapi.json. With {@code -Dherald.screenshot=true} (or
 * {@code HERALD_SCREENSHOT=true}) it saves what it saw to docs/screenshots/docs-page.png.
 *
 * <p>It needs Debian's {@code chromium} and {@code chromium-driver}. Without them it is skipped with a message, except
 * in CI ({@code CI=true}), where .ci/run installs them and a missing browser fails the build.
 */
class SwaggerUiBrowserTest {
    private static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<Path> DRIVERS = List.of(Path.of("/usr/bin/chromedriver"));
    private static final Duration RENDERING_DEADLINE = Duration.ofSeconds(30);

    private HttpApiFixture api;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        Optional<Path> chromium = firstExecutable(BROWSERS);
        Optional<Path> driver = firstExecutable(DRIVERS);
        String missing = "no Chromium found (looked for " + BROWSERS + " and " + DRIVERS
                + "); install Debian's chromium and chromium-driver to run this test";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(chromium.isPresent() && driver.isPresent(), missing + "; in CI, .ci/run installs them");
        }
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), missing);

        api = HttpApiFixture.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theDocsPageRendersEveryOperationOfTheDocument() {
        browser.get(api.url("/docs"));

        List<String> paths = new WebDriverWait(browser, RENDERING_DEADLINE).until(page -> {
            List<String> shown = page.findElements(By.cssSelector(".opblock .opblock-summary-path")).stream()
                    .map(WebElement::getText).map(text -> text.replace("\u200b", "").trim()).toList();
            return shown.size() >= new OpenApiContract().operations().size() ? shown : null;
        });

        assertTrue(paths.contains("/v1/webhook/create"), "operations rendered: " + paths);
        assertTrue(paths.contains("/v1/webhook/{webhook_id}/delivery-attempts/list"), paths.toString());
        assertTrue(paths.contains("/admin/v1/tenant/create"), paths.toString());
        String title = browser.findElement(By.cssSelector(".info .title")).getText();
        assertTrue(title.startsWith("Herald HTTP API"), title);
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertEquals(List.of(), problems, "the browser's console, e.g. refusals by the Content-Security-Policy");
        saveScreenshotIfAsked();
    }

    private void saveScreenshotIfAsked() {
        if (!Boolean.getBoolean("herald.screenshot") && !"true".equals(System.getenv("HERALD_SCREENSHOT"))) {
            return;
        }
        Path target = repositoryRoot().resolve("docs/screenshots/docs-page.png");
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> firstExecutable(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/API.md"))) {
                return dir;
            }
        }
        throw new AssertionError("docs/API.md not found above " + Path.of("").toAbsolutePath());
    }
}
