package dev.herald.domain.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The operator's rules for webhook URLs (docs/API.md §4.1, §7): may they use plain http, or private-network literals?
 * Hosts that only look like numbers (0177.0.0.1, 2130706433, 127.1) are refused whatever the operator allows.
 */
public record UrlPolicy(boolean allowHttp, boolean allowPrivateNetworks) {
    public static UrlPolicy strict() {
        return new UrlPolicy(false, false);
    }

    /** A URL this operator accepts, or a 422-worthy violation. Names are not resolved here; the sender checks them. */
    public WebhookUrl check(String text) {
        WebhookUrl url = new WebhookUrl(text);
        if (AddressRules.isAmbiguousNumericHost(url.host())) {
            throw WebhookUrl.ambiguousHost(); // every layer must read the same address, or its checks can be bypassed
        }
        if (!url.isHttps() && !allowHttp) {
            throw WebhookUrl.invalid("url must use https (http is not enabled on this server)");
        }
        if (!allowPrivateNetworks && AddressRules.isIpLiteral(url.host()) && AddressRules.isBlocked(literal(url.host()))) {
            throw WebhookUrl.invalid("url points to a private, loopback or reserved address, which is not allowed");
        }
        return url;
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw WebhookUrl.invalid("url has an invalid IP address");
        }
    }
}
