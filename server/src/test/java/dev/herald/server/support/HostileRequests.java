package dev.herald.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.support.ApiRoutes.Auth;
import dev.herald.server.support.ApiRoutes.Parameter;
import dev.herald.server.support.ApiRoutes.Route;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes requests to a route of the OpenAPI document, most of them broken on purpose: bodies with wrong types, huge
 * numbers, deep nesting, huge strings, invalid UTF-8, NUL bytes, duplicate keys, truncated JSON or a wrong
 * Content-Type; query values and path ids likewise; credentials missing, huge or not ASCII. Most requests carry the
 * right credentials, and many are valid or nearly so, so that the fuzz reaches the handlers and the database.
 * Everything comes from the {@link Random} given, so a seed replays the same choices.
 */
public final class HostileRequests {
    /** A generated request, with the live webhook its path names (null if none) and whether its credentials are right. */
    public record Fuzzed(RawHttp.Request request, Route route, String webhookInPath, boolean validCredentials) {
    }

    /** What the fuzz knows of the server: credentials, and the ids and cursors its successful answers gave. */
    public static final class Known {
        public final String adminKey;
        public final String receiverUrl;
        public String tenant;
        public final Map<String, String> tenantKeys = new LinkedHashMap<>();
        public final Map<String, List<String>> idsByPrefix = new HashMap<>();
        public final List<String> liveWebhooks = new ArrayList<>();
        public final List<String> cursors = new ArrayList<>();

        public Known(String adminKey, String receiverUrl) {
            this.adminKey = adminKey;
            this.receiverUrl = receiverUrl;
        }

        public void remember(String id) {
            int underscore = id.indexOf('_');
            List<String> ids = idsByPrefix.computeIfAbsent(id.substring(0, underscore + 1), p -> new ArrayList<>());
            if (!ids.contains(id)) {
                ids.add(id);
                if (id.startsWith("wh_")) {
                    liveWebhooks.add(id);
                }
            }
        }
    }

    private static final InetAddress PRIMARY = loopback(1);
    private static final Pattern ID_PREFIX = Pattern.compile("`([a-z]+_)…`");
    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "HEAD", "TRACE", "FOO");
    private static final String DEEP_ARRAY = "[".repeat(10_000) + "]".repeat(10_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    /** JSON values of every wrong kind, each put where a body field goes. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "1e400", "-1e400", "1e-400", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "2147483648", "-2147483649", "-0", "-0.0", "0.0", "1.5", "1E2", "-1", "0",
            "1" + "0".repeat(999), "1" + "0".repeat(1000), "0." + "1".repeat(1500),
            "true", "false", "null", "\"\"", "\" \"", "[]", "{}", "[null]", "[[]]", "{\"\":null}", "[1,\"a\",{}]",
            "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"é✓😀\"",
            "\"\\n\\r\\t\\b\\f\"", "\"\\\"'<script>\"", "\"" + "x".repeat(5_000) + "\"", "\"" + "é".repeat(3_000) + "\"",
            "\"" + "x".repeat(70_000) + "\"", DEEP_ARRAY, DEEP_OBJECT,
            "{\"a\":".repeat(999) + "1" + "}".repeat(999), "{\"a\":".repeat(1_001) + "1" + "}".repeat(1_001),
            "\"PATIENT_CREATED\"", "\"patient_created\"", "\"CALL_RECIEVED\"", "[\"PATIENT_CREATED\",\"PATIENT_CREATED\"]",
            "[\"NOPE\"]", "[\"PATIENT_CREATED\",7]", "\"2026-11-27T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"-999999999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999Z\"",
            "\"2026-02-30T00:00:00Z\"", "\"2026-11-27T00:00:00+14:00\"", "\"2026-11-27\"", "\"https://example.com/\"",
            "\"http://127.0.0.1:1/x\"", "\"https://[::1]/\"", "\"https://xn--/\"", "\"https://é.example/\"",
            "\"https://a.example/\\u0000\"", "\"https://" + "a".repeat(3_000) + ".example/\"",
            "{\"Authorization\":\"Bearer x\"}", "{\"X-A\":\"\\u0000\"}", "{\"X-A\":5}", "{\"X-A\":\"é\"}",
            "{\"Host\":\"x\"}", "{\"x-a\":\"1\",\"X-A\":\"2\"}", "{\"\":\"\"}", twentyOneHeaders(),
            "\"a@b.co\"", "\"x@\\u0000.com\"", "\"ops@example.com\\r\\nBcc: x@example.com\"", "\"acme\"",
            "\"" + "a".repeat(65) + "\"", "\"A\"", "\"-a\"", "\"a b\"");

    private static final List<byte[]> HOSTILE_QUERY_VALUES = bytes(
            "", "1e400", "9223372036854775808", "-9223372036854775809", "-0", "-1", "0", "1001",
            "99999999999999999999999", "%00", "true%00", "%FF", "%C3%28", "%ED%A0%80", "x".repeat(3_000), "%", "%G0",
            "2026-13-45T99:99:99Z", "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-11-27T00:00:00%2B14:00", "2026-11-27",
            "1970-01-01T00:00:00Z", "NaN", "0x10", "1.0", "%2B1", "%201", "null", "[]", "TRUE", "tRuE", "yes",
            "PATIENT_CREATED", "patient_created", "CALL_RECEIVED", "created_date", "ASC", "DeSc", "a=b", "&",
            base64("{}"), base64("null"), base64("[]"), base64("\u0000\u0000\u0000"), base64("x".repeat(2_000)),
            "A".repeat(2_000), "!!!", "eyJ9");

    private final Random random;
    private final Known known;

    public HostileRequests(Random random, Known known) {
        this.random = random;
        this.known = known;
    }

    public Fuzzed next(Route route) {
        String method = random.nextInt(40) == 0 ? pick(OTHER_METHODS) : route.method();
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        String webhook = null;
        Matcher parameter = Pattern.compile("\\{([^}]+)}").matcher(route.path());
        int at = 0;
        while (parameter.find()) {
            target.writeBytes(ascii(route.path().substring(at, parameter.start())));
            String name = parameter.group(1);
            Parameter p = route.pathParameters().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
            byte[] value = pathValue(p);
            String text = new String(value, StandardCharsets.ISO_8859_1);
            if (known.liveWebhooks.contains(text)) {
                webhook = text;
            }
            target.writeBytes(value);
            at = parameter.end();
        }
        target.writeBytes(ascii(route.path().substring(at)));
        target.writeBytes(query(route));

        List<byte[]> headers = new ArrayList<>();
        boolean valid = credentials(route.auth(), headers);
        if (random.nextInt(8) == 0) {
            headers.add(pick(EXTRA_HEADERS));
        }
        byte[] body = body(route);
        if (body != null || random.nextInt(10) == 0) {
            if (random.nextInt(10) < 7) {
                headers.add(ascii("Content-Type: application/json"));
            } else {
                headers.add(pick(CONTENT_TYPES));
            }
        }
        InetAddress from = valid ? PRIMARY : loopback(2 + random.nextInt(250));
        return new Fuzzed(new RawHttp.Request(method, target.toByteArray(), headers, body, from), route, webhook, valid);
    }

    // --- path and query ---

    private byte[] pathValue(Parameter p) {
        Matcher prefixMatch = ID_PREFIX.matcher(p.description());
        String prefix = prefixMatch.find() ? prefixMatch.group(1) : "";
        List<String> pool = prefix.isEmpty() ? new ArrayList<>(known.tenantKeys.keySet())
                : prefix.equals("wh_") ? known.liveWebhooks : known.idsByPrefix.getOrDefault(prefix, List.of());
        int roll = random.nextInt(10);
        if (roll < 6 && !pool.isEmpty()) {
            return ascii(pick(pool));
        }
        if (roll == 6) {
            List<String> any = known.idsByPrefix.values().stream().flatMap(List::stream).toList();
            if (!any.isEmpty()) {
                return ascii(pick(any));
            }
        }
        return pick(List.<Supplier<byte[]>>of(
                () -> ascii(prefix + "doesnotexist"), () -> ascii(prefix + alphanumeric(24)), () -> ascii(prefix),
                () -> ascii(""), () -> ascii(prefix + "x".repeat(3_000)), () -> ascii("%00"), () -> ascii(prefix + "%00"),
                () -> ascii("%2F"), () -> ascii("%2e%2e"), () -> ascii(".."), () -> ascii("."), () -> ascii("%FF"),
                () -> ascii("%C3%28"), () -> new byte[] {(byte) 0xC3, 0x28}, () -> new byte[] {(byte) 0xFF},
                () -> "é".getBytes(StandardCharsets.UTF_8), () -> ascii(prefix + "%20x"), () -> ascii("a;b=c"),
                () -> ascii(prefix + "'--"), () -> ascii("%25"), () -> ascii("%"), () -> ascii("\\"), () -> ascii("*"),
                () -> ascii(prefix.toUpperCase(Locale.ROOT) + alphanumeric(24)), () -> ascii("acme%2Fx"),
                () -> ascii("A".repeat(65)), () -> ascii(alphanumeric(1 + random.nextInt(64)).toLowerCase(Locale.ROOT))))
                .get();
    }

    private byte[] query(Route route) {
        List<byte[]> pairs = new ArrayList<>();
        boolean hostile = random.nextBoolean();
        for (Parameter p : route.queryParameters()) {
            int roll = random.nextInt(hostile ? 4 : 3);
            if (roll == 2) {
                String value = validQueryValue(p);
                if (value != null) {
                    pairs.add(ascii(p.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
                }
            } else if (roll == 3) {
                pairs.add(concat(ascii(p.name() + "="), pick(HOSTILE_QUERY_VALUES)));
            }
        }
        if (!route.queryParameters().isEmpty() && random.nextInt(10) == 0) {
            Parameter twice = pick(route.queryParameters());
            pairs.add(concat(ascii(twice.name() + "="), pick(HOSTILE_QUERY_VALUES)));
            pairs.add(concat(ascii(twice.name() + "="), pick(HOSTILE_QUERY_VALUES)));
        }
        if (random.nextInt(10) == 0) {
            pairs.add(concat(pick(HOSTILE_QUERY_VALUES), ascii("="), pick(HOSTILE_QUERY_VALUES)));
        }
        if (pairs.isEmpty()) {
            return random.nextInt(30) == 0 ? ascii("?") : new byte[0];
        }
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        for (byte[] pair : pairs) {
            query.write(query.size() == 0 ? '?' : '&');
            query.writeBytes(pair);
        }
        return query.toByteArray();
    }

    private String validQueryValue(Parameter p) {
        JsonNode schema = p.schema();
        if (p.name().equals("cursor")) {
            return known.cursors.isEmpty() ? null : pick(known.cursors);
        }
        if (schema.has("enum")) {
            String value = pick(schema.get("enum")).asText();
            return random.nextBoolean() ? value : value.toLowerCase(Locale.ROOT);
        }
        return switch (schema.path("type").asText("string")) {
            case "boolean" -> pick(List.of("true", "false", "TRUE", "False"));
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(min + 1000);
                yield Long.toString(min + random.nextLong(max - min + 1));
            }
            default -> "date-time".equals(schema.path("format").asText())
                    ? Instant.now().plusSeconds(random.nextInt(2_000_000) - 1_000_000).toString() : "fuzz";
        };
    }

    // --- headers ---

    private static final List<byte[]> CONTENT_TYPES = bytes("Content-Type: text/plain",
            "Content-Type: application/x-www-form-urlencoded", "Content-Type: multipart/form-data; boundary=x",
            "Content-Type: application/json; charset=UTF-16", "Content-Type: application/json; charset=nope",
            "Content-Type: ", "Content-Type: */*", "Content-Type: application/xml");
    private static final List<byte[]> EXTRA_HEADERS = bytes("Content-Encoding: gzip", "Content-Encoding: br",
            "X-HTTP-Method-Override: DELETE", "Accept: text/html", "Accept: application/xml", "Accept-Charset: utf-16",
            "Expect: 100-continue", "Range: bytes=0-1", "Cookie: a=b", "X-Forwarded-For: 10.0.0.1",
            "If-None-Match: *", "Origin: https://evil.example", "X-Big: " + "x".repeat(4_000));

    /** Adds credential headers for {@code auth}; whether they are the right ones, sent as a well-behaved client would. */
    private boolean credentials(Auth auth, List<byte[]> headers) {
        String tenant = known.tenant;
        String key = known.tenantKeys.get(tenant);
        if (auth == Auth.NONE) {
            if (random.nextInt(5) == 0) {
                headers.add(ascii("TENANT: " + tenant));
                headers.add(ascii("ADMIN-KEY: " + alphanumeric(30)));
                return false;
            }
            return true;
        }
        List<String> names = auth == Auth.ADMIN ? List.of("ADMIN-KEY") : List.of("TENANT", "API-KEY");
        List<String> values = auth == Auth.ADMIN ? List.of(known.adminKey) : List.of(tenant, key);
        if (random.nextInt(100) < 85) {
            for (int i = 0; i < names.size(); i++) {
                headers.add(ascii(names.get(i) + ": " + values.get(i)));
            }
            return true;
        }
        int broken = random.nextInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String value = values.get(i);
            if (i != broken) {
                headers.add(ascii(name + ": " + value));
                continue;
            }
            switch (random.nextInt(11)) {
                case 0 -> { } // missing
                case 1 -> headers.add(ascii(name + ": "));
                case 2 -> headers.add(ascii(name + ": hk_" + alphanumeric(43)));
                case 3 -> headers.add(ascii(name + ": " + "x".repeat(100 + random.nextInt(20_000))));
                case 4 -> headers.add(concat(ascii(name + ": "), "é".getBytes(StandardCharsets.UTF_8), ascii(value)));
                case 5 -> headers.add(concat(ascii(name + ": " + value), new byte[] {(byte) 0xFF}));
                case 6 -> headers.add(concat(ascii(name + ": a"), new byte[] {0}, ascii(value)));
                case 7 -> {
                    headers.add(ascii(name + ": " + value));
                    headers.add(ascii(name + ": other"));
                }
                case 8 -> {
                    headers.add(ascii(name + ": " + value));
                    headers.add(ascii(name + ": " + value));
                }
                case 9 -> headers.add(ascii(name.toLowerCase(Locale.ROOT) + ":   " + value + "  "));
                default -> headers.add(ascii(name + ": " + value.toUpperCase(Locale.ROOT)));
            }
        }
        return false;
    }

    // --- bodies ---

    private byte[] body(Route route) {
        if (route.body() == null) {
            return random.nextInt(8) == 0 ? rawHostileBody(route) : null;
        }
        if (!route.bodyRequired() && random.nextInt(10) == 0) {
            return null;
        }
        int roll = random.nextInt(10);
        List<String[]> fields = template(route);
        if (roll < 3) {
            return utf8(object(fields));
        }
        if (roll < 7) {
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                mutate(route, fields);
            }
            return utf8(object(fields));
        }
        return rawHostileBody(route);
    }

    /** A valid body for the route, as (name, JSON text) pairs: required fields, some optional ones. */
    private List<String[]> template(Route route) {
        List<String[]> fields = new ArrayList<>();
        JsonNode required = route.body().path("required");
        for (Map.Entry<String, JsonNode> property : route.body().path("properties").properties()) {
            boolean needed = false;
            for (JsonNode r : required) {
                needed |= r.asText().equals(property.getKey());
            }
            if (needed || random.nextBoolean()) {
                fields.add(new String[] {property.getKey(),
                        validValue(property.getKey(), property.getValue(), route.example().get(property.getKey()))});
            }
        }
        return fields;
    }

    private String validValue(String name, JsonNode schema, JsonNode example) {
        if (schema.has("enum")) {
            return json(pick(schema.get("enum")).asText());
        }
        List<String> types = new ArrayList<>();
        if (schema.path("type").isArray()) {
            schema.get("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.path("type").asText("object"));
        }
        if (types.contains("null") && random.nextInt(10) == 0) {
            return "null";
        }
        String type = types.get(0);
        if (name.equals("url")) {
            return json(known.receiverUrl + "/" + alphanumeric(6));
        }
        if (example != null && !example.isContainerNode() && random.nextBoolean()) {
            return example.toString();
        }
        return switch (type) {
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(min + 1000);
                yield Long.toString(min + random.nextLong(max - min + 1));
            }
            case "boolean" -> Boolean.toString(random.nextBoolean());
            case "array" -> {
                String first = validValue(name, schema.get("items"), null);
                yield random.nextBoolean() ? "[" + first + "]" : "[" + first + "," + validValue(name, schema.get("items"), null) + "]";
            }
            case "object" -> schema.has("additionalProperties") && schema.get("additionalProperties").isObject()
                    ? "{\"X-Fuzz-" + alphanumeric(4) + "\":\"" + alphanumeric(8) + "\"}" : data(2);
            default -> "date-time".equals(schema.path("format").asText())
                    ? json(Instant.now().minusSeconds(random.nextInt(100_000)).toString())
                    : json("f" + alphanumeric(8).toLowerCase(Locale.ROOT));
        };
    }

    /** A JSON object of assorted, valid content, nested up to {@code depth}. */
    private String data(int depth) {
        StringBuilder object = new StringBuilder("{");
        int members = random.nextInt(4);
        for (int i = 0; i < members; i++) {
            object.append(i == 0 ? "" : ",").append(json("k" + i)).append(':');
            object.append(switch (random.nextInt(depth > 0 ? 6 : 4)) {
                case 0 -> Long.toString(random.nextLong());
                case 1 -> json(pick(List.of("text", "é✓😀", "", "line\nbreak", "tab\t")));
                case 2 -> pick(List.of("true", "false", "null", "1.5e10", "-0"));
                case 3 -> json(alphanumeric(random.nextInt(40)));
                case 4 -> "[" + data(depth - 1) + "]";
                default -> data(depth - 1);
            });
        }
        return object.append('}').toString();
    }

    private void mutate(Route route, List<String[]> fields) {
        List<String> names = new ArrayList<>();
        route.body().path("properties").fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(8) == 0 ? pick(List.of("unknown", "", "\\u0000", "é", "URL"))
                : pick(names);
        switch (random.nextInt(6)) {
            case 0 -> fields.removeIf(field -> field[0].equals(name));
            case 1 -> fields.add(new String[] {name, pick(HOSTILE_VALUES)}); // a duplicate key if present
            case 2 -> fields.add(0, new String[] {name, validValue(name,
                    route.body().path("properties").path(name), null)});
            case 3 -> set(fields, name, "{\"k\":" + pick(HOSTILE_VALUES) + "}");
            default -> set(fields, name, pick(HOSTILE_VALUES));
        }
    }

    private static void set(List<String[]> fields, String name, String value) {
        fields.removeIf(field -> field[0].equals(name));
        fields.add(new String[] {name, value});
    }

    private byte[] rawHostileBody(Route route) {
        byte[] valid = route.body() == null ? utf8("{\"a\":1}") : utf8(object(template(route)));
        int position = random.nextInt(valid.length + 1);
        return pick(List.<Supplier<byte[]>>of(
                () -> Arrays.copyOf(valid, random.nextInt(valid.length)),
                () -> insert(valid, position, pick(INVALID_UTF8)),
                () -> insert(valid, position, new byte[] {0}),
                () -> utf8(DEEP_ARRAY), () -> utf8(DEEP_OBJECT),
                () -> utf8("{\"url\":\"" + "x".repeat(70_000) + "\"}"),
                () -> utf8("{\"data\":{\"k\":\"" + "x".repeat(300_000) + "\"}}"),
                () -> new byte[0], () -> utf8(" \n\t "), () -> utf8("[]"), () -> utf8("null"), () -> utf8("42"),
                () -> utf8("\"x\""), () -> utf8("true"), () -> utf8("1e400"),
                () -> new String(valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16),
                () -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid),
                () -> concat(valid, utf8("x")), () -> concat(valid, valid), () -> concat(utf8("/* */"), valid),
                () -> utf8(new String(valid, StandardCharsets.UTF_8).replace('"', '\'')),
                () -> randomBytes(1 + random.nextInt(200))))
                .get();
    }

    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF});

    // --- small helpers ---

    private static String object(List<String[]> fields) {
        StringBuilder object = new StringBuilder("{");
        for (String[] field : fields) {
            object.append(object.length() == 1 ? "" : ",").append('"').append(field[0]).append("\":").append(field[1]);
        }
        return object.append('}').toString();
    }

    private static String json(String text) {
        try {
            return HeraldClient.JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String alphanumeric(int length) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private JsonNode pick(JsonNode array) {
        return array.get(random.nextInt(array.size()));
    }

    private static byte[] insert(byte[] bytes, int position, byte[] part) {
        return concat(Arrays.copyOf(bytes, position), part,
                Arrays.copyOfRange(bytes, position, bytes.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> bytes(String... texts) {
        return Arrays.stream(texts).map(HostileRequests::ascii).toList();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(text));
    }

    private static String twentyOneHeaders() {
        StringBuilder headers = new StringBuilder("{");
        for (int i = 0; i < 21; i++) {
            headers.append(i == 0 ? "" : ",").append("\"X-H").append(i).append("\":\"v\"");
        }
        return headers.append('}').toString();
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
