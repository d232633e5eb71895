package dev.herald.domain.webhook;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http(s) URL of at most 2,048 characters, with a host and no user-info. Which schemes and hosts are allowed is {@link UrlPolicy}'s call. */
public record WebhookUrl(String value) {
    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "url";

    public WebhookUrl {
        URI uri = parse(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("url must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw invalid("url must not contain user-info (user:password@)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI finds no host in 127.1 or 0x7f.1; say why rather than that there is none.
            throw AddressRules.isAmbiguousNumericHost(rawHost(uri)) ? ambiguousHost() : invalid("url must have a host");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url must not have a fragment");
        }
    }

    private static URI parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("url must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw InvalidInputException.of(FIELD, Violation.Rule.TOO_LONG,
                    "url must be at most " + MAX_LENGTH + " characters");
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URL: " + e.getReason());
        }
    }

    /** The authority without its port; user-info is refused before this is asked. */
    private static String rawHost(URI uri) {
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        return authority.replaceFirst(":[0-9]*$", "");
    }

    static InvalidInputException invalid(String message) {
        return InvalidInputException.of(FIELD, Violation.Rule.URL_INVALID, message);
    }

    /** For a host that only looks like a number ({@link AddressRules#isAmbiguousNumericHost}). */
    static InvalidInputException ambiguousHost() {
        return invalid("url host must be a name or a canonical IPv4/IPv6 address");
    }

    public URI uri() {
        return URI.create(value);
    }

    public boolean isHttps() {
        return uri().getScheme().equalsIgnoreCase("https");
    }

    /** The host as written, IPv6 literals without brackets. */
    public String host() {
        String host = uri().getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return value;
    }
}
