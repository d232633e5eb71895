package dev.herald.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * Which IP addresses Herald refuses to deliver to (docs/API.md §7): loopback, private, link-local, carrier-grade NAT,
 * unspecified, multicast and reserved ranges, IPv4 and IPv6, IPv4-mapped and IPv4-compatible IPv6 included.
 */
public final class AddressRules {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /** Four decimal octets 0–255 without leading zeros: the one spelling every parser reads alike. */
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    /** A last label that makes URL parsers (WHATWG, curl, browsers) read the whole host as an IPv4 number. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX].*");

    private AddressRules() {
    }

    /**
     * Whether a URL host (IPv6 with or without brackets) is an IP address written canonically, which needs no name
     * lookup. A host that only looks like a number ({@link #isAmbiguousNumericHost}) is neither this nor a name.
     */
    public static boolean isIpLiteral(String host) {
        return host.contains(":") || CANONICAL_IPV4.matcher(host).matches();
    }

    /**
     * Whether a URL host reads as a number without being a canonical IPv4 or IPv6 address: octal ({@code 0177.0.0.1}),
     * hex ({@code 0x7f000001}), one integer ({@code 2130706433}), short ({@code 127.1}), a trailing dot, or an IPv6
     * address embedding such an IPv4. Parsers disagree on what these mean (Java reads {@code 0177.0.0.1} as
     * 177.0.0.1, C libraries as 127.0.0.1), so a check made by one could be bypassed by another: Herald refuses them.
     */
    public static boolean isAmbiguousNumericHost(String host) {
        if (host.contains(":")) {
            String address = host.replace("[", "").replace("]", "");
            int zone = address.indexOf('%');
            String withoutZone = zone < 0 ? address : address.substring(0, zone);
            String embeddedIpv4 = withoutZone.substring(withoutZone.lastIndexOf(':') + 1);
            return embeddedIpv4.contains(".") && !CANONICAL_IPV4.matcher(embeddedIpv4).matches();
        }
        if (CANONICAL_IPV4.matcher(host).matches()) {
            return false;
        }
        String withoutTrailingDot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String lastLabel = withoutTrailingDot.substring(withoutTrailingDot.lastIndexOf('.') + 1);
        return DIGITS_AND_DOTS.matcher(host).matches() || NUMERIC_LABEL.matcher(lastLabel).matches();
    }

    public static boolean isBlocked(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            byte[] embedded = embeddedIpv4(b);
            return embedded != null ? isBlockedIpv4(embedded) : isBlockedIpv6(b);
        }
        return address instanceof Inet4Address && isBlockedIpv4(address.getAddress());
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 or 6to4 address. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 16) && !isLoopbackV6(b);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4: 2002:a.b.c.d::/48
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static boolean isBlockedIpv4(byte[] a) {
        int o0 = a[0] & 0xff;
        int o1 = a[1] & 0xff;
        int o2 = a[2] & 0xff;
        return o0 == 0                                   // 0.0.0.0/8 "this network", unspecified
                || o0 == 10                              // private
                || o0 == 127                             // loopback
                || (o0 == 100 && o1 >= 64 && o1 <= 127)  // 100.64.0.0/10 carrier-grade NAT
                || (o0 == 169 && o1 == 254)              // link-local, cloud metadata
                || (o0 == 172 && o1 >= 16 && o1 <= 31)   // private
                || (o0 == 192 && o1 == 0 && o2 == 0)     // 192.0.0.0/24 IETF protocol assignments
                || (o0 == 192 && o1 == 0 && o2 == 2)     // TEST-NET-1
                || (o0 == 192 && o1 == 88 && o2 == 99)   // 6to4 relay anycast
                || (o0 == 192 && o1 == 168)              // private
                || (o0 == 198 && (o1 == 18 || o1 == 19)) // benchmarking
                || (o0 == 198 && o1 == 51 && o2 == 100)  // TEST-NET-2
                || (o0 == 203 && o1 == 0 && o2 == 113)   // TEST-NET-3
                || o0 >= 224;                            // multicast, reserved, broadcast
    }

    /**
     * Only global unicast (2000::/3) is allowed: everything else in IPv6 is special or unassigned (loopback,
     * unspecified, unique local, link-local, site-local, multicast, discard, fe00::/9 and the rest). Within it, the
     * documentation range and Teredo (2001::/32, which carries an obfuscated IPv4 address) are blocked too.
     */
    private static boolean isBlockedIpv6(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        boolean globalUnicast = (first & 0xe0) == 0x20;
        boolean documentation = first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
        boolean teredo = first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0;
        return !globalUnicast || documentation || teredo;
    }

    private static boolean isLoopbackV6(byte[] b) {
        return allZero(b, 0, 15) && b[15] == 1;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
