package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void anIpv4ClientIsItsAddress() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7"));
        assertEquals("203.0.113.7", ClientAddress.of("::ffff:203.0.113.7"));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        String one = ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");

        assertEquals(one, ClientAddress.of("2001:db8:1:2::1"));
        assertEquals(one, ClientAddress.of("[2001:db8:1:2::ffff]"));
        assertNotEquals(one, ClientAddress.of("2001:db8:1:3::1"));
        assertEquals("20010db800010002::/64", one);
    }
}
