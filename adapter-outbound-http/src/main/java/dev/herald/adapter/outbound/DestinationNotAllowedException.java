package dev.herald.adapter.outbound;

import dev.herald.application.port.out.ForSendingHttp;

import java.net.InetAddress;

/** A host resolved to an address in a blocked range (API.md §7); the send is refused before any connection. */
public final class DestinationNotAllowedException extends RuntimeException {
    DestinationNotAllowedException(String host, InetAddress blocked) {
        super(ForSendingHttp.DESTINATION_NOT_ALLOWED + ": " + host + " resolves to " + blocked.getHostAddress(),
                null, false, false);
    }
}
