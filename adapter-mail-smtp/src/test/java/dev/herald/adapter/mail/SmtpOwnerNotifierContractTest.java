package dev.herald.adapter.mail;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.herald.application.contract.OwnerNotifierContract;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The notifier contract over real SMTP, to a GreenMail server. */
class SmtpOwnerNotifierContractTest extends OwnerNotifierContract {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected Channel workingChannel() {
        return channel(MAIL.getSmtp().getPort(), count -> {
            assertTrue(MAIL.waitForIncomingEmail(5_000, count), "fewer than " + count + " mails arrived");
            return Arrays.stream(MAIL.getReceivedMessages()).map(SmtpOwnerNotifierContractTest::asText).toList();
        });
    }

    @Override
    protected Channel brokenChannel() {
        return channel(closedPort(), count -> List.of());
    }

    /** A notifier sending to the SMTP server on {@code port}, and how to read what it delivered. */
    private static Channel channel(int port, IntFunction<List<String>> delivered) {
        SmtpOwnerNotifier notifier = new SmtpOwnerNotifier(
                new SmtpSettings("127.0.0.1", port, null, null, "herald@example.com"));
        return new Channel() {
            @Override
            public SmtpOwnerNotifier notifier() {
                return notifier;
            }

            @Override
            public List<String> messages(int count) {
                return delivered.apply(count);
            }
        };
    }

    private static String asText(MimeMessage mail) {
        try {
            return "To: " + Arrays.toString(mail.getAllRecipients()) + "\nSubject: " + mail.getSubject() + "\n\n"
                    + mail.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
