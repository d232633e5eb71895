package dev.herald.adapter.outbound;

import dev.herald.application.port.out.ForSendingHttp;

import java.net.InetAddress;

/**
 * A host resolved to a blocked address (docs/API.md §7), or is a number parsers read differently; the send is
 * refused before any connection.
 */
public final class DestinationNotAllowedException extends RuntimeException {
    DestinationNotAllowedException(String host, InetAddress blocked) {
        this(host + " resolves to " + blocked.getHostAddress());
    }

    private DestinationNotAllowedException(String why) {
        super(ForSendingHttp.DESTINATION_NOT_ALLOWED + ": " + why, null, false, false);
    }

    static DestinationNotAllowedException ambiguous(String host) {
        return new DestinationNotAllowedException(host + " is neither a name nor a canonical IP address");
    }
}
