package dev.herald.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a delivery may never reach, and which hosts need no lookup or are refused as ambiguous. */
class AddressRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.1.2.3",                            // "this network", unspecified
            "10.0.0.1", "10.255.255.255",                    // private
            "127.0.0.1", "127.255.255.254",                  // loopback, the whole /8
            "100.64.0.1", "100.127.255.255",                 // carrier-grade NAT
            "169.254.169.254", "169.254.0.1",                // link-local, cloud metadata
            "172.16.0.1", "172.31.255.255",                  // private
            "192.0.0.1", "192.0.2.1", "192.88.99.1",         // IETF assignments, TEST-NET-1, 6to4 relay
            "192.168.0.1", "192.168.255.255",                // private
            "198.18.0.1", "198.19.255.255",                  // benchmarking
            "198.51.100.7", "203.0.113.9",                   // TEST-NET-2 and -3
            "224.0.0.1", "239.255.255.255", "240.0.0.1", "255.255.255.255"}) // multicast, reserved, broadcast
    void blockedIpv4(String address) {
        assertTrue(AddressRules.isBlocked(ipv4(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
            "192.0.1.1", "192.0.3.1", "192.88.98.1", "192.167.255.255", "192.169.0.0", "198.17.255.255",
            "198.20.0.0", "198.51.99.1", "203.0.112.1", "223.255.255.255"})
    void publicIpv4UpToTheEdgesOfTheBlockedRanges(String address) {
        assertFalse(AddressRules.isBlocked(ipv4(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "::", "::1",                                      // unspecified, loopback
            "ff02::1", "ff0e::1",                             // multicast
            "fc00::1", "fd12:3456::1",                        // unique local
            "fe80::1", "febf:ffff::1",                        // link-local
            "fec0::1", "feff::1",                             // site-local (deprecated)
            "2001:db8::1", "2001:db8:ffff::1",                // documentation
            "100::1", "100::ffff:ffff:ffff:ffff",             // discard
            "1:2::3", "ff::1",                                // ::/8 reserved
            "fe00::1", "fe7f::1",                             // fe00::/9 reserved
            "100:0:0:1::1", "400::1", "4000::1", "e000::1",   // unassigned, outside 2000::/3
            "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"}) // Teredo
    void blockedIpv6(String address) {
        assertTrue(AddressRules.isBlocked(ipv6(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2606:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1", "2001:db9::1",
            "2001:1::1", "3fff:ffff::1"})
    void publicIpv6(String address) {
        assertFalse(AddressRules.isBlocked(ipv6(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0", // IPv4-mapped
            "::127.0.0.1", "::10.1.2.3",                                                       // IPv4-compatible
            "64:ff9b::127.0.0.1", "64:ff9b::192.168.0.1",                                      // NAT64
            "2002:7f00:1::1", "2002:a00:1::"})                                                 // 6to4
    void ipv6CarryingABlockedIpv4IsBlocked(String address) {
        assertTrue(AddressRules.isBlocked(ipv6(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:8.8.8.8", "::8.8.8.8", "64:ff9b::1.1.1.1", "2002:808:808::1"})
    void ipv6CarryingAPublicIpv4IsJudgedByIt(String address) {
        assertFalse(AddressRules.isBlocked(ipv6(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "1password.com", "123.example.com", "0xcafe.example.com",
            "example.com.", "a.b.c.d.example"})
    void namesAreNeitherLiteralsNorAmbiguous(String host) {
        assertFalse(AddressRules.isIpLiteral(host), host);
        assertFalse(AddressRules.isAmbiguousNumericHost(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "10.0.0.1", "1.2.3.4", "2606:4700::1111", "[2606:4700::1111]",
            "::ffff:8.8.8.8", "[::ffff:127.0.0.1]", "fe80::1%25eth0"})
    void canonicalAddressesAreLiteralsAndNotAmbiguous(String host) {
        assertTrue(AddressRules.isIpLiteral(host), host);
        assertFalse(AddressRules.isAmbiguousNumericHost(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.2.3.4", "1.2.3.04", "0x08.8.8.8", "134744072", "8.8.2056", "8.526344", "1.2.3.4.",
            "999.1.1.1", "1..2.3", "foo.0X7F", "example.08", "[::ffff:1.2.3.04]", "::ffff:1.2.3", "::1.2.3.4.5%1"})
    void numbersWrittenAnyOtherWayAreAmbiguous(String host) {
        assertTrue(AddressRules.isAmbiguousNumericHost(host), host);
        if (!host.contains(":")) {
            assertFalse(AddressRules.isIpLiteral(host), host);
        }
    }

    private static InetAddress ipv4(String address) {
        InetAddress parsed = parse(address);
        assertTrue(parsed instanceof Inet4Address, address);
        return parsed;
    }

    /** Always an {@link Inet6Address}: the JVM would turn an IPv4-mapped literal into its IPv4 address. */
    private static Inet6Address ipv6(String address) {
        InetAddress parsed = parse(address);
        byte[] bytes = parsed.getAddress();
        if (bytes.length == 4) {
            bytes = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
                    bytes[0], bytes[1], bytes[2], bytes[3]};
        }
        try {
            return Inet6Address.getByAddress(null, bytes, null);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** Literals only: no name lookup happens. */
    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
