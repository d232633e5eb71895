package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /openapi.json, /docs and / (docs/API.md §10): no authentication, the standard headers, /docs alone widening CSP. */
class DiscoveryRoutesTest {
    private final HttpApiFixture api = HttpApiFixture.start();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void theOpenApiDocumentIsServedAsJsonWithoutCredentials() {
        Answer answer = api.call("GET", "/openapi.json").send();

        assertEquals(200, answer.status());
        assertEquals("application/json", answer.contentType());
        assertEquals(OpenApiContract.read(), answer.body());
        ResponseHeadersTest.assertStandardHeaders(answer);
    }

    @Test
    void theLandingAnswerIsJsonForProgramsAndHtmlForBrowsers() {
        Answer json = api.call("GET", "/").send();
        Answer html = api.call("GET", "/").header("Accept", "text/html,application/xhtml+xml;q=0.9").send();

        assertEquals(200, json.status());
        assertEquals("application/json", json.contentType());
        JsonNode links = json.json().get("links");
        assertEquals("/docs", links.get("docs").asText());
        assertEquals("/openapi.json", links.get("openapi").asText());
        assertEquals("/health", links.get("health").asText());
        assertEquals(200, html.status());
        assertEquals("text/html;charset=utf-8", html.contentType());
        for (String link : List.of("href=\"/docs\"", "href=\"/openapi.json\"", "href=\"/health\"")) {
            assertTrue(html.body().contains(link), html.body());
        }
        for (Answer answer : List.of(json, html)) {
            assertEquals(List.of("Accept"), answer.headers().allValues("Vary"));
            ResponseHeadersTest.assertStandardHeaders(answer);
        }
    }

    @Test
    void theDocsPageLoadsSwaggerUiFromThisServerOnly() {
        Answer page = api.call("GET", "/docs").send();

        assertEquals(200, page.status());
        assertEquals("text/html;charset=utf-8", page.contentType());
        assertEquals(List.of("Herald"), page.headers().allValues("Server"));
        assertEquals(List.of("nosniff"), page.headers().allValues("X-Content-Type-Options"));
        assertEquals(List.of("no-store"), page.headers().allValues("Cache-Control"));
        assertEquals(List.of(JavalinDiscoveryRoutes.DOCS_CONTENT_SECURITY_POLICY),
                page.headers().allValues("Content-Security-Policy"));
        assertTrue(page.body().contains("src=\"/docs/swagger-ui/swagger-ui-bundle.js\""), page.body());
        assertTrue(page.body().contains("src=\"/docs/herald/docs.js\""), page.body());
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no CDN: " + page.body());
    }

    @Test
    void swaggerUisFilesAreServedWithTheirTypesAndTheStandardHeaders() {
        for (String[] file : List.of(
                new String[] {"/docs/swagger-ui/swagger-ui-bundle.js", "text/javascript"},
                new String[] {"/docs/swagger-ui/swagger-ui.css", "text/css"},
                new String[] {"/docs/swagger-ui/favicon-32x32.png", "image/png"},
                new String[] {"/docs/herald/docs.js", "text/javascript"})) {
            Answer answer = api.call("GET", file[0]).send();

            assertEquals(200, answer.status(), file[0]);
            assertTrue(answer.contentType().startsWith(file[1]), file[0] + " is " + answer.contentType());
            ResponseHeadersTest.assertStandardHeaders(answer);
        }
        assertTrue(api.call("GET", "/docs/herald/docs.js").send().body().contains("url: \"/openapi.json\""));
    }

    /** Only the files the page needs: not the webjar's own pages (its index.html points at the petstore). */
    @Test
    void otherFilesOfTheWebjarAreNotServed() {
        for (String path : List.of("/docs/swagger-ui/index.html", "/docs/swagger-ui/swagger-initializer.js",
                "/docs/swagger-ui/oauth2-redirect.html", "/docs/swagger-ui/", "/docs/swagger-ui/../../openapi.json",
                "/docs/nothing.js", "/webjars/swagger-ui/5.34.1/swagger-ui.css")) {
            Answer answer = api.call("GET", path).send();

            assertEquals(404, answer.status(), path + ": " + answer.body());
            assertEquals("application/json", answer.contentType(), path);
            ResponseHeadersTest.assertStandardHeaders(answer);
        }
    }
}
