package dev.herald.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The calls the benchmark makes to a Herald server over HTTP, as a tenant or as its admin. */
final class HeraldApi {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern API_KEY = Pattern.compile("\"apiKey\"\\s*:\\s*\"([^\"]+)\"");
    /** Each API key's tenant, for the TENANT header. */
    private static final Map<String, String> TENANT_OF_KEY = new ConcurrentHashMap<>();

    private HeraldApi() {
    }

    /** Creates the tenant through the admin API and answers its API key. */
    static String createTenant(String base, String tenant) throws Exception {
        HttpResponse<String> r = Load.send(Load.request(base + "/admin/v1/tenant/create")
                .header("ADMIN-KEY", HeraldProcess.ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"" + tenant + "\"}")).build());
        String key = group(API_KEY, r);
        TENANT_OF_KEY.put(key, tenant);
        return key;
    }

    /** Creates a webhook and answers its id. */
    static String createWebhook(String base, String key, String url, String type) throws Exception {
        return group(ID, Load.send(createWebhookRequest(base, key, url, type)));
    }

    static HttpRequest createWebhookRequest(String base, String key, String url, String type) {
        return tenantRequest(base + "/v1/webhook/create", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"subscriptions\":[\"" + type
                        + "\"],\"notificationEmail\":null}"))
                .build();
    }

    static HttpRequest listRequest(String base, String key) {
        return tenantRequest(base + "/v1/webhook/list", key).GET().build();
    }

    static HttpRequest publish(String base, String key, String type, String data) {
        return tenantRequest(base + "/v1/event/create", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + type + "\",\"data\":" + data + "}"))
                .build();
    }

    /** Waits until the receiver has {@code expected} requests or the time is up; answers how many it has. */
    static int awaitReceived(Receiver receiver, int expected, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (receiver.received() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return receiver.received();
    }

    private static HttpRequest.Builder tenantRequest(String url, String key) {
        return Load.request(url).header("TENANT", TENANT_OF_KEY.get(key)).header("API-KEY", key);
    }

    private static String group(Pattern pattern, HttpResponse<String> response) {
        Matcher m = pattern.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + response.body());
        }
        return m.group(1);
    }
}
