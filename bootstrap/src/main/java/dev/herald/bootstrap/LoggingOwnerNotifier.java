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
        FailureNoticeText text = FailureNoticeText.of(notice);
        LOG.warn("No SMTP configured; failure notice for {}:\nSubject: {}\n\n{}", notice.to(), text.subject(),
                text.body());
    }
}
