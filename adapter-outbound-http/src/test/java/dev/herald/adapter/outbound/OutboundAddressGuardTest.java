package dev.herald.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.application.port.out.ForSendingHttp;
import dev.herald.application.port.out.ForSendingHttp.HttpResult;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/API.md §7: blocked destinations are refused before any connection, unless private networks are allowed. */
class OutboundAddressGuardTest {
    private static final NameMap NAMES = NameMap.of("loopback.test", "127.0.0.1")
            .with("mixed.test", "8.8.8.8", "127.0.0.1")
            .with("public.test", "8.8.8.8", "2606:4700::1111");

    private TestReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = TestReceiver.http();
        receiver.on("/", TestReceiver.status(200));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "[::1]", "[fe80::1]", "[fc00::1]", "[::ffff:127.0.0.1]",
            "[::ffff:10.0.0.1]", "localhost", "loopback.test", "mixed.test"})
    void aBlockedDestinationIsRefusedWithoutConnecting(String host) throws Exception {
        HttpResult result = send(false, "http://" + host + ":" + receiver.port() + "/hook");

        assertEquals(Optional.of(ForSendingHttp.DESTINATION_NOT_ALLOWED), result.error());
        assertEquals(Optional.empty(), result.status());
        assertEquals(0, receiver.received().size());
    }

    @Test
    void httpsToABlockedDestinationIsRefusedToo() throws Exception {
        HttpResult result = send(false, "https://loopback.test:" + receiver.port() + "/hook");

        assertEquals(Optional.of(ForSendingHttp.DESTINATION_NOT_ALLOWED), result.error());
    }

    @Test
    void withPrivateNetworksAllowedTheLocalReceiverIsReached() throws Exception {
        HttpResult byName = send(true, "http://loopback.test:" + receiver.port() + "/hook");
        HttpResult byAddress = send(true, "http://127.0.0.1:" + receiver.port() + "/hook");

        assertEquals(Optional.of(200), byName.status());
        assertEquals(Optional.of(200), byAddress.status());
        assertEquals(2, receiver.hits("/hook"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "2606:4700::1111", "2001:4860:4860::8888", "public.test"})
    void publicAddressesAreAllowed(String host) throws Exception {
        InetAddress checked = new OutboundAddressGuard(false, NAMES).addressToConnect(host);

        assertEquals(NAMES.resolve(host).get(0), checked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "169.253.0.1",
            "192.169.0.1", "11.0.0.1"})
    void addressesJustOutsideTheBlockedRangesAreAllowed(String address) throws Exception {
        assertEquals(InetAddress.getByName(address),
                new OutboundAddressGuard(false, NAMES).addressToConnect(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::ffff:169.254.169.254", "64:ff9b::10.0.0.1", "2002:c0a8:0101::1", "ff02::1",
            "100.127.255.255", "172.31.255.255", "198.18.0.1", "240.0.0.1"})
    void lessObviousBlockedAddressesAreRefused(String address) {
        assertThrows(DestinationNotAllowedException.class,
                () -> new OutboundAddressGuard(false, NAMES).addressToConnect(address));
    }

    /** One stored before create refused such hosts: the JVM would read 0177.0.0.1 as 177.0.0.1, C as 127.0.0.1. */
    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0177.0.0.1", "0x7f000001", "127.0.0.01", "0x7f000001.", "[::ffff:0177.0.0.1]"})
    void anAmbiguousNumericHostIsRefusedEvenWithPrivateNetworksAllowed(String host) throws Exception {
        for (boolean allowPrivateNetworks : new boolean[] {false, true}) {
            HttpResult result = send(allowPrivateNetworks, "http://" + host + ":" + receiver.port() + "/hook");

            assertEquals(Optional.of(ForSendingHttp.DESTINATION_NOT_ALLOWED), result.error(), host);
            assertEquals(Optional.empty(), result.status());
        }
        assertEquals(0, receiver.received().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.1", "0177.1", "1.2.3.4.5", "example.0x7f"})
    void theGuardRefusesShortAndOtherNumericFormsBeforeAnyLookup(String host) {
        HostResolver mustNotBeAsked = name -> {
            throw new AssertionError("looked up " + name);
        };
        assertThrows(DestinationNotAllowedException.class,
                () -> new OutboundAddressGuard(true, mustNotBeAsked).addressToConnect(host));
    }

    @Test
    void withPrivateNetworksAllowedTheFirstResolvedAddressIsTheOneToConnectTo() throws Exception {
        assertEquals(InetAddress.getByName("8.8.8.8"), new OutboundAddressGuard(true, NAMES).addressToConnect("mixed.test"));
    }

    private static HttpResult send(boolean allowPrivateNetworks, String url) throws Exception {
        JdkHttpSender sender = new JdkHttpSender(
                OutboundHttpSettings.defaults().withAllowPrivateNetworks(allowPrivateNetworks), NAMES,
                SSLContext.getDefault());
        return sender.post(JdkHttpSenderTest.request(url)).get(20, TimeUnit.SECONDS);
    }
}
