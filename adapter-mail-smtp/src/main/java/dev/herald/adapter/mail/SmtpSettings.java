package dev.herald.adapter.mail;

import java.util.Objects;
import java.util.Optional;

/**
 * Where failure notices are sent from (docs/API.md §8.1, {@code HERALD_SMTP_*}).
 *
 * @param user     empty or null for a server that needs no login; when set, the notifier authenticates
 * @param password used only with {@code user}
 * @param from     the sender, e.g. {@code herald@example.com} or {@code Herald <herald@example.com>}
 */
public record SmtpSettings(String host, int port, String user, String password, String from) {
    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP host must be set");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be between 1 and 65535, was " + port);
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("SMTP from address must be set");
        }
        password = Objects.requireNonNullElse(password, "");
    }

    /** The login, when there is one. */
    public Optional<String> login() {
        return Optional.ofNullable(user).filter(u -> !u.isBlank());
    }

    /** Hides the password, so settings can be logged. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + login().orElse("") + ", from=" + from + "]";
    }
}
