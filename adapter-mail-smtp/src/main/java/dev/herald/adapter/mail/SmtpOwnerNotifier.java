package dev.herald.adapter.mail;

import dev.herald.application.port.out.FailureNoticeText;

import dev.herald.application.port.out.ForNotifyingOwners;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails a webhook's owner that a delivery finally failed, through an SMTP server (Angus Mail). Sending is
 * synchronous and bounded by the timeouts below; a failure to send is logged and never reaches the caller, since a
 * lost notice must not disturb delivery.
 */
public final class SmtpOwnerNotifier implements ForNotifyingOwners {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpOwnerNotifier.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SMTPS_PORT = 465;

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    public SmtpOwnerNotifier(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("SMTP from address is not valid: " + settings.from(), e);
        }
    }

    @Override
    public void notifyFailure(FailureNotice notice) {
        send(notice.to().value(), FailureNoticeText.of(notice),
                "the failure notice for delivery " + notice.deliveryId());
    }

    @Override
    public void notifyDisabled(DisabledNotice notice) {
        send(notice.to().value(), FailureNoticeText.of(notice),
                "the notice of disabled webhook " + notice.webhookId());
    }

    private void send(String to, FailureNoticeText text, String what) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(text.subject(), StandardCharsets.UTF_8.name());
            message.setText(text.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (settings.login().isPresent()) {
                Transport.send(message, settings.login().get(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.error("Could not e-mail {} to {} through {}:{}: {}", what, to, settings.host(), settings.port(),
                    e.toString());
        }
    }

    private static Properties properties(SmtpSettings settings) {
        String timeout = Long.toString(TIMEOUT.toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.login().isPresent()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        // Port 465 speaks TLS from the first byte; elsewhere upgrade with STARTTLS whenever the server offers it.
        properties.put("mail.smtp.ssl.enable", Boolean.toString(settings.port() == SMTPS_PORT));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }
}
