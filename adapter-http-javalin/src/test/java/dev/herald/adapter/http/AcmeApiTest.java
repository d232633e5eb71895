package dev.herald.adapter.http;

import dev.herald.adapter.http.HttpApiFixture.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against a fresh API with one tenant, "acme": started before each test, closed after it. */
abstract class AcmeApiTest {
    protected HttpApiFixture api;
    protected Tenant acme;

    @BeforeEach
    void startApiWithAcme() {
        api = HttpApiFixture.start();
        acme = api.tenant("acme");
    }

    @AfterEach
    void closeApi() {
        api.close();
    }
}
