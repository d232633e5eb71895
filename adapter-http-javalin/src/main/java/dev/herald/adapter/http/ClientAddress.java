package dev.herald.adapter.http;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The address failed attempts are counted against: the connection's peer, since forwarding headers can be written by
 * anyone. An IPv6 client counts by its /64 prefix, which one host usually holds whole.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(Context ctx) {
        return of(ctx.req().getRemoteAddr());
    }

    static String of(String peer) {
        if (peer.indexOf(':') < 0) {
            return peer;
        }
        try {
            // With a colon the text can only be an IPv6 literal: this parses it and never asks DNS.
            InetAddress address = InetAddress.getByName(peer);
            if (address instanceof Inet6Address) {
                byte[] prefix = new byte[8];
                System.arraycopy(address.getAddress(), 0, prefix, 0, prefix.length);
                return HexFormat.of().formatHex(prefix) + "::/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return peer;
        }
    }
}
