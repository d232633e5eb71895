package dev.herald.adapter.outbound;

import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material for tests: a self-signed certificate for {@code receiver.test} only (no IP address in it), made with
 * {@code keytool -genkeypair -keyalg EC -dname CN=receiver.test -ext SAN=dns:receiver.test -validity 36500}.
 */
final class TestTls {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {
    }

    static SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A client context that trusts exactly that certificate (and still checks which names it is valid for). */
    static SSLContext clientContext() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore keyStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestTls.class.getResourceAsStream("/receiver-test.p12")) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
