package dev.herald.adapter.outbound;

import dev.herald.domain.webhook.AddressRules;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where one request really goes: the webhook URL with its host replaced by the address the guard checked, the
 * {@code Host} header the receiver expects, and (for https to a name) the name TLS must verify the certificate for.
 * Without {@code pinned}, the request goes to the URL as written and the JDK resolves the name once more.
 */
record PinnedTarget(URI connectUri, Optional<String> hostHeader, Optional<String> tlsServerName) {
    static PinnedTarget of(URI url, InetAddress checked, boolean pinned) throws UnknownHostException {
        if (!pinned) {
            return new PinnedTarget(url, Optional.empty(), Optional.empty());
        }
        String host = url.getHost();
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        String pathAndQuery = (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        URI connectUri = URI.create(url.getScheme() + "://" + literal(checked) + port + pathAndQuery);
        boolean tlsToName = "https".equalsIgnoreCase(url.getScheme()) && !AddressRules.isIpLiteral(host);
        return new PinnedTarget(connectUri, Optional.of(host + port),
                tlsToName ? Optional.of(sniName(host)) : Optional.empty());
    }

    /** The address as it appears in a URL; IPv6 in brackets and without a scope (which a URL cannot carry). */
    private static String literal(InetAddress address) throws UnknownHostException {
        if (address instanceof Inet6Address) {
            return "[" + InetAddress.getByAddress(address.getAddress()).getHostAddress() + "]";
        }
        return address.getHostAddress();
    }

    /** SNI carries the bare name: lower case, no trailing dot. */
    private static String sniName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return name.toLowerCase(Locale.ROOT);
    }
}
