package dev.herald.adapter.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A resolver for tests: made-up names map to chosen addresses; anything else (IP literals, localhost) goes to the JVM. */
final class NameMap implements HostResolver {
    private final Map<String, List<InetAddress>> names = new HashMap<>();

    static NameMap of(String name, String... addresses) {
        return new NameMap().with(name, addresses);
    }

    NameMap with(String name, String... addresses) {
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            try {
                resolved.add(InetAddress.getByName(address)); // literals only: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
        names.put(name, List.copyOf(resolved));
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> mapped = names.get(host);
        if (mapped != null) {
            return mapped;
        }
        if (host.endsWith(".test")) {
            throw new UnknownHostException(host);
        }
        return HostResolver.system().resolve(host);
    }
}
