package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * /docs in a real, headless Chromium (docs/API.md §11): Swagger UI loads from Herald alone under the page's
 * Content-Security-Policy and renders the operations of openapi.json. With {@code -Dherald.screenshot=true} (or
 * {@code HERALD_SCREENSHOT=true}) it saves what it saw to docs/screenshots/docs-page.png. Without Chromium it is
 * skipped, except in CI ({@link Chromium}).
 */
class SwaggerUiBrowserTest {
    private static final Duration RENDERING_DEADLINE = Duration.ofSeconds(30);

    private HttpApiFixture api;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Chromium.start(1280, 1800);
        api = HttpApiFixture.start();
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
        assertEquals(List.of(), Chromium.consoleErrors(browser),
                "the browser's console, e.g. refusals by the Content-Security-Policy");
        Chromium.screenshotIfAsked(browser, "docs-page");
    }
}
