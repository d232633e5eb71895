package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {
    private HttpApiFixture api;

    @BeforeEach
    void start() {
        api = HttpApiFixture.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void upWhileTheDatabaseAnswersWithoutAuthentication() {
        Answer answer = api.call("GET", "/health").send();

        assertEquals(200, answer.status());
        assertEquals("{\"status\":\"UP\"}", answer.body());
        assertEquals("application/json", answer.contentType());
        assertEquals("Herald", answer.headers().firstValue("Server").orElse(""));
    }

    @Test
    void downWith503WhenTheDatabaseDoesNotAnswer() {
        api.database.setUp(false);

        Answer answer = api.call("GET", "/health").send();

        assertEquals(503, answer.status());
        assertEquals("{\"status\":\"DOWN\"}", answer.body());
    }
}
