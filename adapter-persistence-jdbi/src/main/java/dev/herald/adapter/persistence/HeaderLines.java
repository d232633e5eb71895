package dev.herald.adapter.persistence;

import dev.herald.domain.webhook.WebhookHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A webhook's own headers in one column, as HTTP writes them: a {@code Name: value} line each, in their order,
 * separated by a line feed; {@code NULL} for none. Names hold no ':' and values no line break (the domain's rules),
 * so the text reads back exactly.
 */
final class HeaderLines {
    private HeaderLines() {
    }

    static String write(WebhookHeaders headers) {
        if (headers.isEmpty()) {
            return null;
        }
        return headers.values().entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue())
                .collect(Collectors.joining("\n"));
    }

    static WebhookHeaders read(String lines) {
        if (lines == null || lines.isEmpty()) {
            return WebhookHeaders.NONE;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.split("\n", -1)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        }
        return WebhookHeaders.of(headers);
    }
}
