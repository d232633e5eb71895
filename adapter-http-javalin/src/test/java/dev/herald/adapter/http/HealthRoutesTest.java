package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.adapter.http.HttpApiFixture.Answer;
import dev.herald.application.inmemory.InMemoryDatabaseProbe;
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
    void downWith503AndTheReasonWhenTheDatabaseDoesNotAnswerThenUpAgain() {
        api.database.setUp(false);

        Answer down = api.call("GET", "/health").send();

        assertEquals(503, down.status());
        assertEquals("{\"status\":\"DOWN\",\"database\":\"" + InMemoryDatabaseProbe.DOWN + "\"}", down.body());
        assertEquals("2", down.headers().firstValue("Retry-After").orElse(""));

        api.database.setUp(true);

        Answer up = api.call("GET", "/health").send();
        assertEquals(200, up.status());
        assertEquals("{\"status\":\"UP\"}", up.body());
    }
}
