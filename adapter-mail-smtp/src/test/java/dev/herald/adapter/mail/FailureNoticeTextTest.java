package dev.herald.adapter.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureNoticeTextTest {
    @Test
    void namesTheWebhookTheEventTheDeliveryAndWhatWentWrong() {
        FailureNoticeText text = FailureNoticeText.of(Notices.failure(0));

        assertEquals("[Herald] Webhook delivery failed: PATIENT_CREATED to https://hooks.example.com/in",
                text.subject());
        assertTrue(text.body().contains("https://hooks.example.com/in"));
        assertTrue(text.body().contains("wh_abc123"));
        assertTrue(text.body().contains("PATIENT_CREATED"));
        assertTrue(text.body().contains("msg_xyz789"));
        assertTrue(text.body().contains("HTTP 500"));
        assertFalse(text.body().contains("since the last notice"));
    }

    @Test
    void summarisesTheFailuresThatWereNotMailedOneByOne() {
        FailureNoticeText text = FailureNoticeText.of(Notices.failure(3));

        assertTrue(text.body().contains("3 more deliveries to this webhook failed since the last notice"));
    }
}
