package dev.herald.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The operator's rules for webhook URLs (API.md §4, §8): whether plain http and private-network literals are allowed. */
public record UrlPolicy(boolean allowHttp, boolean allowPrivateNetworks) {
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    public static UrlPolicy strict() {
        return new UrlPolicy(false, false);
    }

    /** A URL this operator accepts, or a 422-worthy violation. Names are not resolved here; the sender checks them. */
    public WebhookUrl check(String text) {
        WebhookUrl url = new WebhookUrl(text);
        if (!url.isHttps() && !allowHttp) {
            throw WebhookUrl.invalid("url must use https (http is not enabled on this server)");
        }
        if (!allowPrivateNetworks && isLiteralIp(url.host()) && AddressRules.isBlocked(literal(url.host()))) {
            throw WebhookUrl.invalid("url points to a private, loopback or reserved address, which is not allowed");
        }
        return url;
    }

    private static boolean isLiteralIp(String host) {
        return host.contains(":") || IPV4_LITERAL.matcher(host).matches();
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw WebhookUrl.invalid("url has an invalid IP address");
        }
    }
}
