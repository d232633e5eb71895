package dev.herald.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureNoticeTextTest {
    @Test
    void namesTheWebhookTheEventTheDeliveryAndWhatWentWrong() {
        FailureNoticeText text = FailureNoticeText.of(Notices.failure(0));

        assertEquals("Herald: deliveries to hooks.example.com are failing", text.subject());
        assertTrue(text.body().contains("https://hooks.example.com/in"));
        assertTrue(text.body().contains("wh_abc123"));
        assertTrue(text.body().contains("PATIENT_CREATED"));
        assertTrue(text.body().contains("msg_xyz789"));
        assertTrue(text.body().contains("HTTP 500"));
        assertFalse(text.body().contains("since the last notice"));
    }

    @Test
    void theSubjectCarriesNoTextTheTenantChoseBeyondTheHost() {
        FailureNoticeText text = FailureNoticeText.of(Notices.failure(
                "https://Hooks.Example.com:8443/URGENT-verify-your-account-at-evil.example?login=now", 0));

        assertEquals("Herald: deliveries to hooks.example.com are failing", text.subject());
        assertTrue(text.body().contains(
                "https://Hooks.Example.com:8443/URGENT-verify-your-account-at-evil.example?login=now\n"
                        + "                      (the endpoint configured for the webhook, not written by Herald)"),
                text.body());
    }

    @Test
    void summarisesTheFailuresThatWereNotMailedOneByOne() {
        FailureNoticeText text = FailureNoticeText.of(Notices.failure(3));

        assertTrue(text.body().contains("3 more deliveries to this webhook failed since the last notice"));
    }
}
