package dev.herald.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.IntFunction;

/** The clients the baseline compares, by the name HERALD_BENCH_SENDERS uses; each makes a client for N in flight. */
enum BareClients {
    JDK("jdk", inFlight -> new JdkBareClient(false)),
    JDK_HERALD_EXECUTOR("jdk-herald-executor", inFlight -> new JdkBareClient(true)),
    JETTY("jetty", JettyBareClient::new),
    APACHE("apache", ApacheBareClient::new),
    REACTOR_NETTY("reactor-netty", ReactorNettyBareClient::new);

    final String id;
    private final IntFunction<BareClient> factory;

    BareClients(String id, IntFunction<BareClient> factory) {
        this.id = id;
        this.factory = factory;
    }

    static BareClients byId(String id) {
        for (BareClients c : values()) {
            if (c.id.equals(id.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no bare sender '" + id + "'; known: jdk, jdk-herald-executor, jetty, apache, "
                + "reactor-netty");
    }

    BareClient create(int concurrency) {
        return factory.apply(concurrency);
    }

    /** For the table: the library and its version, as the build wrote them into bench-senders.properties. */
    String label() {
        if (this == JDK) {
            return "JDK java.net.http " + System.getProperty("java.version");
        }
        if (this == JDK_HERALD_EXECUTOR) {
            return "JDK java.net.http " + System.getProperty("java.version") + ", Herald's fixed executor";
        }
        try (InputStream in = BareClients.class.getResourceAsStream("/bench-senders.properties")) {
            Properties labels = new Properties();
            labels.load(in);
            return labels.getProperty(id, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
