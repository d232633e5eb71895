package dev.herald.adapter.mail;

import dev.herald.application.port.out.Notices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpOwnerNotifierTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("herald", "secret"));

    @Test
    void mailsTheOwnerWhatFailed() throws Exception {
        new SmtpOwnerNotifier(settings(null, null)).notifyFailure(Notices.failure(2));

        MimeMessage mail = onlyMail();
        assertArrayEquals(new Address[] {new InternetAddress("owner@example.com")}, mail.getAllRecipients());
        assertEquals(new InternetAddress("Herald <herald@example.com>"), mail.getFrom()[0]);
        assertEquals("Herald: deliveries to hooks.example.com are failing", mail.getSubject());
        String body = (String) mail.getContent();
        for (String expected : new String[] {"https://hooks.example.com/in", "wh_abc123", "PATIENT_CREATED",
                "msg_xyz789", "HTTP 500", "2 more deliveries to this webhook failed since the last notice"}) {
            assertTrue(body.contains(expected), () -> "body lacks " + expected + ":\n" + body);
        }
    }

    @Test
    void theMailedSubjectNamesOnlyTheHostOfATenantChosenUrl() throws Exception {
        new SmtpOwnerNotifier(settings(null, null)).notifyFailure(
                Notices.failure("https://hooks.example.com/URGENT-verify-your-account-at-evil.example", 0));

        MimeMessage mail = onlyMail();
        assertEquals("Herald: deliveries to hooks.example.com are failing", mail.getSubject());
        String body = (String) mail.getContent();
        assertTrue(body.contains("https://hooks.example.com/URGENT-verify-your-account-at-evil.example"), body);
        assertTrue(body.contains("(the endpoint configured for the webhook, not written by Herald)"), body);
    }

    @Test
    void logsInWhenAUserIsSet() throws Exception {
        new SmtpOwnerNotifier(settings("herald", "secret")).notifyFailure(Notices.failure(0));

        assertEquals("owner@example.com", onlyMail().getAllRecipients()[0].toString());
    }

    @Test
    void aRefusedLoginIsLoggedNotThrown() {
        assertDoesNotThrow(() -> new SmtpOwnerNotifier(settings("herald", "wrong")).notifyFailure(Notices.failure(0)));

        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void anUnreachableServerIsLoggedNotThrown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpOwnerNotifier notifier = new SmtpOwnerNotifier(
                new SmtpSettings("127.0.0.1", closedPort, null, null, "herald@example.com"));

        assertDoesNotThrow(() -> notifier.notifyFailure(Notices.failure(0)));
    }

    private static SmtpSettings settings(String user, String password) {
        return new SmtpSettings("127.0.0.1", MAIL.getSmtp().getPort(), user, password, "Herald <herald@example.com>");
    }

    private static MimeMessage onlyMail() {
        assertTrue(MAIL.waitForIncomingEmail(5_000, 1), "no mail arrived");
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }
}
