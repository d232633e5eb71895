package dev.herald.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.InvalidInputException;
import dev.herald.domain.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts that parsers read as different addresses are refused, so every layer agrees on where a webhook points. */
class NumericHostsTest {
    private static final UrlPolicy STRICT = UrlPolicy.strict();
    private static final UrlPolicy OPEN = new UrlPolicy(true, true);

    @ParameterizedTest
    @ValueSource(strings = {"https://0177.0.0.1/", "https://0x7f000001/", "https://0X7F000001/", "https://2130706433/",
            "https://127.1/", "https://0177.1/", "https://127.0.0.01/", "https://00.0.0.0/", "https://0/",
            "https://0x7f.0.0.1/", "https://1.2.3/", "https://256.1.1.1/", "https://1.2.3.4.5/",
            "https://127.0.0.1./", "https://0x7f000001.:8443/", "https://2130706433:443/hook", "https://example.123/",
            "https://foo.0x7f/", "https://[::ffff:0177.0.0.1]/", "https://[::ffff:8.8.8.08]/"})
    void ambiguousNumericHostsAreRefusedWhateverTheOperatorAllows(String url) {
        for (UrlPolicy policy : new UrlPolicy[] {STRICT, OPEN}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> policy.check(url), url);
            Violation violation = refused.violations().get(0);
            assertEquals("url", violation.field(), url);
            assertEquals(Violation.Rule.URL_INVALID, violation.rule(), url);
            assertEquals("url host must be a name or a canonical IPv4/IPv6 address", violation.message(), url);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/", "https://1password.com/", "https://123.example.com/",
            "https://0xcafe.example.com/", "https://a.b.c.d.example/", "https://8.8.8.8/", "https://1.1.1.1:8443/x",
            "https://255.255.255.254.example/", "https://[2606:4700::1111]/", "https://[::ffff:8.8.8.8]/",
            "https://example.com./"})
    void namesAndCanonicalPublicAddressesAreAccepted(String url) {
        assertEquals(url, STRICT.check(url).value());
        assertEquals(url, OPEN.check(url).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://10.0.0.1/", "https://[::1]/", "https://[::ffff:127.0.0.1]/"})
    void canonicalPrivateAddressesStillFollowTheOperatorSwitch(String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> STRICT.check(url));
        assertTrue(refused.violations().get(0).message().contains("private, loopback or reserved"));
        assertEquals(url, OPEN.check(url).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "2130706433", "0x7f000001", "127.1", "1.2.3.4.5", "::ffff:0177.0.0.1",
            "[::ffff:0177.0.0.1]", "example.0x7f", "127.0.0.1."})
    void theSenderSeesAmbiguousHostsAsNeitherNamesNorLiterals(String host) {
        assertTrue(AddressRules.isAmbiguousNumericHost(host), host);
        if (!host.contains(":")) {
            assertFalse(AddressRules.isIpLiteral(host), host);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "[::1]", "::ffff:127.0.0.1",
            "fe80::1%eth0.100"})
    void canonicalAddressesAreLiterals(String host) {
        assertTrue(AddressRules.isIpLiteral(host), host);
        assertFalse(AddressRules.isAmbiguousNumericHost(host), host);
    }
}
