package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.adapter.http.HttpApiFixture.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tenant portal in a real, headless Chromium against the real HTTP API (docs/API.md §12): logging in by key and
 * by link, managing a webhook, watching its deliveries, re-sending one and rotating the secret, all under the page's
 * Content-Security-Policy. With {@code -Dherald.screenshot=true} (or {@code HERALD_SCREENSHOT=true}) it saves the main
 * screens to docs/screenshots/portal-*.png. Without Chromium it is skipped, except in CI ({@link Chromium}).
 */
class PortalBrowserTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private HttpApiFixture api;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Chromium.start(1280, 1000);
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

    private <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, DEADLINE)
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(condition);
    }

    private WebElement shown(String css) {
        return waitFor(page -> {
            WebElement element = page.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    private void waitForTitle(String title) {
        waitFor(page -> page.findElement(By.id("screen-title")).getText().equals(title) ? true : null);
    }

    private String sessionToken(Tenant tenant, int seconds) {
        Answer answer = api.call("POST", "/v1/portal/session").as(tenant)
                .body("{\"expiresInSeconds\":" + seconds + "}").send();
        assertEquals(200, answer.status(), answer.body());
        return answer.json().get("url").asText();
    }

    private JsonNode onlyWebhook(Tenant tenant) {
        JsonNode list = api.call("GET", "/v1/webhook/list").as(tenant).send().json();
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    @Test
    void aTenantManagesAWebhookAndItsDeliveries() {
        Tenant acme = api.tenant("acme");
        browser.get(api.url("/portal"));
        shown("#login-tenant").sendKeys("acme");
        shown("#login-key").sendKeys(acme.apiKey());
        shown("#login-submit").click();

        shown("#new-webhook").click();
        shown("#webhook-url").sendKeys("https://example.com/hooks");
        shown("input[name=subscription][value=PATIENT_CREATED]").click();
        shown("#webhook-save").click();
        waitForTitle("https://example.com/hooks");
        assertEquals(List.of("PATIENT_CREATED"), List.of(onlyWebhook(acme).get("subscriptions").get(0).asText()));

        api.event(acme, "{\"patientId\":\"pat_1042\"}");
        WebElement link = waitFor(page -> {
            List<WebElement> links = page.findElements(By.cssSelector("#delivery-rows .delivery-link"));
            if (links.isEmpty()) {
                page.findElement(By.id("refresh-deliveries")).click();
                return null;
            }
            return links.get(0);
        });
        String deliveryId = link.getText();
        link.click();
        waitForTitle("Delivery " + deliveryId);
        assertTrue(shown("#request-body").getText().contains("\"patientId\": \"pat_1042\""));

        api.receiverMillis.set(42);
        shown("#resend").click();
        waitFor(page -> page.findElement(By.id("delivery-status")).getText().equals("DELIVERED") ? true : null);
        String attempts = shown("#attempts").getText();
        assertTrue(attempts.contains("HTTP 200") && attempts.contains("42 ms") && attempts.contains("ok"), attempts);

        shown("#back-to-webhook").click();
        shown("#show-secret").click();
        String secret = shown("#secret").getText();
        assertEquals(onlyWebhook(acme).get("secret").asText(), secret);
        shown("#rotate-secret").click();
        String rotated = waitFor(page -> {
            String text = page.findElement(By.id("secret")).getText();
            return text.startsWith("whsec_") && !text.equals(secret) ? text : null;
        });
        assertEquals(onlyWebhook(acme).get("secret").asText(), rotated, "the new secret is the one shown");

        assertEquals(List.of(), Chromium.consoleErrors(browser),
                "the browser's console, e.g. refusals by the Content-Security-Policy");
    }

    @Test
    void aLinkLogsInAsItsTenantOnly() {
        Tenant acme = api.tenant("acme");
        api.webhook(acme, "https://acme.example.com/hooks");
        String link = sessionToken(api.tenant("globex"), 600);

        browser.get(api.url(link));

        shown("#no-webhooks");
        assertFalse(browser.getPageSource().contains("acme.example.com"));
        assertFalse(browser.getCurrentUrl().contains("token"), "the token left the address bar: "
                + browser.getCurrentUrl());
        assertEquals(List.of(), Chromium.consoleErrors(browser));
    }

    @Test
    void anExpiredLinkLandsOnTheLogin() {
        Tenant acme = api.tenant("acme");
        String link = sessionToken(acme, 1);
        String token = link.substring(link.indexOf('=') + 1);
        waitFor(page -> api.call("GET", "/v1/webhook/list").bearer(token).send().status() == 401 ? true : null);

        browser.get(api.url(link));

        shown("#login-tenant");
        assertTrue(shown("#notice").getText().contains("session has ended"), shown("#notice").getText());
    }

    /** Re-sends each delivery of the webhook, oldest first; the receiver takes {@code millis[i]}, answers {@code status[i]}. */
    private void resendAll(Tenant tenant, String webhook, int[] millis, int[] status) {
        JsonNode deliveries = api.call("GET", "/v1/webhook/" + webhook
                + "/delivery-attempts/list?limit=100&sort_direction=asc").as(tenant).send().json();
        assertEquals(millis.length, deliveries.size());
        for (int i = 0; i < millis.length; i++) {
            api.receiverMillis.set(millis[i]);
            api.receiverStatus.set(status[i]);
            api.receiverBody.set(status[i] == 200 ? "{\"received\":true}" : "upstream busy, retry later");
            Answer resent = api.call("POST", "/v1/webhook/events/" + deliveries.get(i).get("id").asText() + "/send")
                    .as(tenant).send();
            assertEquals(200, resent.status(), resent.body());
        }
        api.receiverStatus.set(200);
        api.receiverBody.set("ok");
    }

    @Test
    void theMainScreensShowChartsAndOutcomes() {
        Tenant acme = api.tenant("acme");
        String orders = api.webhook(acme, "https://orders.example.com/herald").get("id").asText();
        String crm = api.webhook(acme, "https://crm.example.com/webhooks/patients").get("id").asText();
        for (int i = 0; i < 12; i++) {
            api.event(acme, "{\"patientId\":\"pat_" + (1040 + i) + "\"}");
        }
        resendAll(acme, orders, new int[] {120, 95, 310, 80, 140, 650, 105, 90, 88, 230, 99, 115},
                new int[] {200, 200, 503, 200, 200, 200, 200, 503, 200, 200, 200, 200});
        resendAll(acme, crm, new int[] {40, 42, 38, 61, 45, 44, 39, 120, 41, 43, 40, 42},
                new int[] {200, 200, 200, 200, 200, 200, 200, 500, 200, 200, 200, 200});

        browser.get(api.url(sessionToken(acme, 600)));
        waitFor(page -> page.findElements(By.cssSelector("svg.chart rect")).size() == 24 ? true : null);
        List<String> summaries = browser.findElements(By.cssSelector(".chart-text")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Last 12 deliveries: 83% delivered, median 105 ms",
                "Last 12 deliveries: 92% delivered, median 42 ms"), summaries, "oldest webhook first");
        Chromium.screenshotIfAsked(browser, "portal-webhooks");

        browser.findElement(By.cssSelector("[data-id='" + orders + "'] button.url")).click();
        waitFor(page -> page.findElements(By.cssSelector("#delivery-rows .delivery-link")).size() == 12 ? true : null);
        assertEquals(2, browser.findElements(By.cssSelector("#delivery-rows .badge.pending")).size(),
                "the two that got a 503 wait for their retry");
        browser.executeScript("document.getElementById('deliveries-title').scrollIntoView()");
        Chromium.screenshotIfAsked(browser, "portal-deliveries");

        browser.findElement(By.cssSelector("#delivery-rows .badge.pending")).findElement(By.xpath("../.."))
                .findElement(By.cssSelector(".delivery-link")).click();
        shown("#attempts");
        Chromium.screenshotIfAsked(browser, "portal-delivery");

        browser.manage().window().setSize(new Dimension(390, 844));
        shown("#nav-webhooks").click();
        waitFor(page -> page.findElements(By.cssSelector("svg.chart rect")).size() == 24 ? true : null);
        Chromium.screenshotIfAsked(browser, "portal-phone");
        assertEquals(List.of(), Chromium.consoleErrors(browser));
    }
}
