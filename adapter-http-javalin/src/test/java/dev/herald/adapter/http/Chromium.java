package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real, headless Chromium for the browser tests. It needs Debian's {@code chromium} and {@code chromium-driver}.
 * Without them a test is skipped with a message, except in CI ({@code CI=true}), where .ci/run installs them and a
 * missing browser fails the build.
 */
final class Chromium {
    private static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<Path> DRIVERS = List.of(Path.of("/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** A browser of {@code width} × {@code height} pixels that keeps its console's messages. */
    static ChromeDriver start(int width, int height) {
        Optional<Path> chromium = firstExecutable(BROWSERS);
        Optional<Path> driver = firstExecutable(DRIVERS);
        String missing = "no Chromium found (looked for " + BROWSERS + " and " + DRIVERS
                + "); install Debian's chromium and chromium-driver to run this test";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(chromium.isPresent() && driver.isPresent(), missing + "; in CI, .ci/run installs them");
        }
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(), missing);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The console's errors since last asked, e.g. refusals by the Content-Security-Policy. */
    static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * Saves what the browser shows to docs/screenshots/{@code name}.png, only when asked with
     * {@code -Dherald.screenshot=true} or {@code HERALD_SCREENSHOT=true}.
     */
    static void screenshotIfAsked(ChromeDriver browser, String name) {
        if (!Boolean.getBoolean("herald.screenshot") && !"true".equals(System.getenv("HERALD_SCREENSHOT"))) {
            return;
        }
        Path target = repositoryRoot().resolve("docs/screenshots/" + name + ".png");
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
