package dev.herald.adapter.outbound;

import dev.herald.domain.webhook.AddressRules;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Decides where a delivery may connect (docs/API.md §7): resolves the host at send time and refuses it when any of its
 * addresses is blocked, so that a name cannot smuggle an internal address in next to a public one. The caller must
 * connect to the returned address, not resolve the name again (no DNS rebinding).
 */
public final class OutboundAddressGuard {
    private final boolean allowPrivateNetworks;
    private final HostResolver resolver;

    public OutboundAddressGuard(boolean allowPrivateNetworks, HostResolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * The checked address to connect to for {@code host} (a name or an IP literal, IPv6 without brackets).
     *
     * @throws UnknownHostException            when the name does not resolve
     * @throws DestinationNotAllowedException when an address is blocked and private networks are not allowed, or the
     *                                        host only looks like a number (0177.0.0.1, 2130706433)
     */
    public InetAddress addressToConnect(String host) throws UnknownHostException {
        if (AddressRules.isAmbiguousNumericHost(host)) {
            // Refused at webhook create; this catches one stored before. Private networks allowed or not: the JVM
            // would read 0177.0.0.1 as another address than the rest of the world does.
            throw DestinationNotAllowedException.ambiguous(host);
        }
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                if (AddressRules.isBlocked(address)) {
                    throw new DestinationNotAllowedException(host, address);
                }
            }
        }
        return addresses.get(0);
    }
}
