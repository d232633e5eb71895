package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.domain.tenant.TenantId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantRateLimitTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    private final AtomicLong nanoTime = new AtomicLong();
    private final TenantRateLimit rateLimit = new TenantRateLimit(5, nanoTime::get);

    @Test
    void aTenantGetsOneSecondsWorthAtOnceThenWaitsForTheNextSecond() {
        allow(ACME, 5);

        TenantRateLimitExceededException refused = assertThrows(TenantRateLimitExceededException.class,
                () -> rateLimit.checkAllowed(ACME));

        assertEquals("Too many requests for tenant acme: limit 5 per second", refused.getMessage());
        assertEquals(1, refused.retryAfterSeconds());
        nanoTime.addAndGet(Duration.ofMillis(999).toNanos());
        assertThrows(TenantRateLimitExceededException.class, () -> rateLimit.checkAllowed(ACME));
        nanoTime.addAndGet(Duration.ofMillis(1).toNanos());
        allow(ACME, 5);
    }

    @Test
    void eachTenantHasItsOwnLimit() {
        allow(ACME, 5);

        allow(GLOBEX, 5);
        assertThrows(TenantRateLimitExceededException.class, () -> rateLimit.checkAllowed(ACME));
        assertThrows(TenantRateLimitExceededException.class, () -> rateLimit.checkAllowed(GLOBEX));
    }

    @Test
    void zeroLimitsNothing() {
        TenantRateLimit off = new TenantRateLimit(0, nanoTime::get);

        for (int i = 0; i < 10_000; i++) {
            off.checkAllowed(ACME);
        }
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TenantRateLimit(-1));
    }

    private void allow(TenantId tenant, int requests) {
        for (int i = 0; i < requests; i++) {
            assertDoesNotThrow(() -> rateLimit.checkAllowed(tenant), tenant + " request " + (i + 1));
        }
    }
}
