package dev.herald.adapter.outbound;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Lets {@link java.net.http.HttpRequest} carry a {@code Host} header, which connecting to a checked IP literal
 * needs (the receiver must still see its own name). The JDK refuses that header unless the system property
 * {@value #PROPERTY} names it, and reads the property only once, when its HTTP client classes initialise; so this
 * must run before anything in the JVM uses {@code java.net.http}. Whether it worked is probed, not assumed.
 */
final class HostHeaderPermission {
    static final String PROPERTY = "jdk.httpclient.allowRestrictedHeaders";

    private HostHeaderPermission() {
    }

    /** Adds {@code host} to the property (keeping what the operator put there) and tells whether it took effect. */
    static boolean grant() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, "host");
        } else if (!names(current, "host")) {
            // No space after the comma: some JDKs do not trim the names they split.
            System.setProperty(PROPERTY, current.strip() + ",host");
        }
        return hostHeaderAccepted();
    }

    private static boolean names(String list, String wanted) {
        for (String name : list.split(",")) {
            if (name.strip().equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostHeaderAccepted() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "probe.invalid");
            return true;
        } catch (IllegalArgumentException restricted) {
            return false;
        }
    }
}
