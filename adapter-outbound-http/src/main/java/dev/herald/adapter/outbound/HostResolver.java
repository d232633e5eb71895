package dev.herald.adapter.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name (or IP literal) into its addresses. Injectable so tests can map made-up names. */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}), which also parses IP literals without a lookup. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
