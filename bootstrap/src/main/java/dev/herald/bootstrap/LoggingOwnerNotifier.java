package dev.herald.bootstrap;

import dev.herald.application.port.out.FailureNoticeText;
import dev.herald.application.port.out.ForNotifyingOwners;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when no SMTP server is configured: the notice an owner would have been mailed goes to the log instead. */
final class LoggingOwnerNotifier implements ForNotifyingOwners {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingOwnerNotifier.class);

    @Override
    public void notifyFailure(FailureNotice notice) {
        log(notice.to().value(), FailureNoticeText.of(notice));
    }

    @Override
    public void notifyDisabled(DisabledNotice notice) {
        log(notice.to().value(), FailureNoticeText.of(notice));
    }

    private static void log(String to, FailureNoticeText text) {
        LOG.warn("No SMTP configured; notice for {}:\nSubject: {}\n\n{}", to, text.subject(), text.body());
    }
}
