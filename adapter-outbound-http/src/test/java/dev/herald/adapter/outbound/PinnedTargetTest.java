package dev.herald.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PinnedTargetTest {
    @Test
    void httpsToANameConnectsToTheAddressAndKeepsTheNameForHostAndTls() throws Exception {
        PinnedTarget target = PinnedTarget.of(URI.create("https://Hooks.Example.com/in?x=%20"),
                InetAddress.getByName("93.184.216.34"), true);

        assertEquals(URI.create("https://93.184.216.34/in?x=%20"), target.connectUri());
        assertEquals(Optional.of("Hooks.Example.com"), target.hostHeader());
        assertEquals(Optional.of("hooks.example.com"), target.tlsServerName());
    }

    @Test
    void anIpv6AddressIsBracketedAndAnExplicitPortKept() throws Exception {
        PinnedTarget target = PinnedTarget.of(URI.create("http://example.com.:8080/"),
                InetAddress.getByName("2606:4700::1111"), true);

        assertEquals(URI.create("http://[2606:4700:0:0:0:0:0:1111]:8080/"), target.connectUri());
        assertEquals(Optional.of("example.com.:8080"), target.hostHeader());
        assertEquals(Optional.empty(), target.tlsServerName());
    }

    @Test
    void httpsToAnIpLiteralNeedsNoTlsName() throws Exception {
        PinnedTarget target = PinnedTarget.of(URI.create("https://[2606:4700::1111]/hook"),
                InetAddress.getByName("2606:4700::1111"), true);

        assertEquals(Optional.empty(), target.tlsServerName());
        assertEquals(Optional.of("[2606:4700::1111]"), target.hostHeader());
    }

    @Test
    void aTrailingDotIsNotSentAsSni() throws Exception {
        PinnedTarget target = PinnedTarget.of(URI.create("https://example.com./"),
                InetAddress.getByName("93.184.216.34"), true);

        assertEquals(Optional.of("example.com"), target.tlsServerName());
    }

    @Test
    void withoutPinningTheUrlIsUsedAsWritten() throws Exception {
        URI url = URI.create("https://example.com/hook");

        PinnedTarget target = PinnedTarget.of(url, InetAddress.getByName("93.184.216.34"), false);

        assertEquals(new PinnedTarget(url, Optional.empty(), Optional.empty()), target);
    }
}
