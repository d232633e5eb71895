package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.adapter.http.HttpApiFixture.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursor paging of every list (docs/API.md §10), through real HTTP. */
class CursorPagingTest extends AcmeApiTest {
    private static final Pattern NEXT_LINK = Pattern.compile("^<([^>]+)>; rel=\"next\"$");
    private String webhookId;

    @BeforeEach
    void start() {
        webhookId = api.webhook(acme, "https://example.com/hook").get("id").asText();
    }

    @Test
    void theEventHistoryIsVisitedOnceInOrderWhileEventsArePublished() {
        for (int i = 0; i < 23; i++) {
            api.event(acme, "{\"n\":" + i + "}");
        }
        List<String> expected = ids(get("/v1/event/list?limit=1000"));
        List<String> seen = new ArrayList<>();
        String path = "/v1/event/list?limit=5";
        int pages = 0;
        while (path != null) {
            Answer page = get(path);
            seen.addAll(ids(page));
            api.event(acme, "{\"late\":true}"); // newer than every page: never in what is left
            path = next(page, "/v1/event/list").orElse(null);
            pages++;
        }
        assertEquals(expected, seen);
        assertEquals(5, pages);
    }

    @Test
    void theDeliveryListIsVisitedOnceInEachOrderAndTheOffsetStillWorks() {
        for (int i = 0; i < 12; i++) {
            api.event(acme, "{\"n\":" + i + "}");
        }
        String base = "/v1/webhook/" + webhookId + "/delivery-attempts/list";
        for (String order : List.of("", "&sort_direction=asc", "&sort_by=delivered_date",
                "&sort_by=last_delivery_attempt_date&sort_direction=ASC")) {
            List<String> expected = ids(get(base + "?limit=1000" + order));
            List<String> seen = new ArrayList<>();
            String path = base + "?limit=5" + order;
            while (path != null) {
                Answer page = get(path);
                seen.addAll(ids(page));
                path = next(page, base).orElse(null);
            }
            assertEquals(expected, seen, order);
            assertEquals(expected.subList(5, 10), ids(get(base + "?limit=5&offset=5" + order)), order);
        }
    }

    @Test
    void theWebhookListAnswersAllWithoutLimitAndPagesWithIt() {
        for (int i = 0; i < 6; i++) {
            api.webhook(acme, "https://example.com/hook" + i);
        }
        Answer all = get("/v1/webhook/list");
        assertEquals(7, all.json().size());
        assertTrue(all.headers().firstValue(ListCursor.NEXT_CURSOR_HEADER).isEmpty());
        assertTrue(all.headers().firstValue("Link").isEmpty());

        List<String> seen = new ArrayList<>();
        String path = "/v1/webhook/list?limit=3";
        while (path != null) {
            Answer page = get(path);
            seen.addAll(ids(page));
            api.webhook(acme, "https://example.com/late"); // newest: comes last, so it is listed too
            path = next(page, "/v1/webhook/list").orElse(null);
        }
        assertEquals(ids(all), seen.subList(0, 7));
    }

    @Test
    void aCursorFromAnotherListOrOtherFiltersOrAlteredOrWithAnOffsetIsA422() {
        for (int i = 0; i < 3; i++) {
            api.event(acme, "{}");
        }
        String deliveries = "/v1/webhook/" + webhookId + "/delivery-attempts/list";
        String events = cursor(get("/v1/event/list?limit=1"));
        String typed = cursor(get("/v1/event/list?limit=1&event_type=PATIENT_CREATED"));
        String byDelivered = cursor(get(deliveries + "?limit=1&sort_by=delivered_date"));

        assertCursorRefused(deliveries + "?cursor=" + events);
        assertCursorRefused("/v1/webhook/list?cursor=" + events);
        assertCursorRefused("/v1/event/list?cursor=" + typed);
        assertCursorRefused("/v1/event/list?event_type=PATIENT_CREATED&sort_direction=asc&cursor=" + typed);
        assertCursorRefused(deliveries + "?cursor=" + byDelivered);
        assertCursorRefused(deliveries + "?sort_by=delivered_date&offset=1&cursor=" + byDelivered);
        assertCursorRefused("/v1/event/list?cursor=" + altered(events));
        assertCursorRefused("/v1/event/list?cursor=" + events.substring(0, events.length() - 2));
        assertCursorRefused("/v1/event/list?cursor=");
        assertCursorRefused("/v1/event/list?cursor=%21%21");
        // the same filters in another spelling and another limit keep the cursor valid
        assertEquals(200, get("/v1/event/list?event_type=PATIENT_CREATED&limit=2&sort_direction=DESC&cursor="
                + typed).status());
        assertEquals(200, get(deliveries + "?sort_by=DELIVERED_DATE&limit=2&cursor=" + byDelivered).status());
    }

    @Test
    void theWebhookListLimitIsCheckedLikeTheOthers() {
        for (String limit : List.of("0", "1001")) {
            Answer answer = get("/v1/webhook/list?limit=" + limit);
            assertEquals(422, answer.status(), answer.body());
            assertEquals("[\"query\",\"limit\"]", answer.json().get("detail").get(0).get("loc").toString());
            assertEquals("value_error.number.not_in_range", answer.json().get("detail").get(0).get("type").asText());
        }
    }

    private void assertCursorRefused(String path) {
        Answer answer = get(path);
        assertEquals(422, answer.status(), path + " " + answer.body());
        JsonNode problem = answer.json().get("detail").get(0);
        assertEquals("[\"query\",\"cursor\"]", problem.get("loc").toString(), answer.body());
        assertEquals(ListCursor.TYPE, problem.get("type").asText());
    }

    /** The cursor with one character changed, still valid base64url. */
    private static String altered(String cursor) {
        int at = cursor.length() / 2;
        char changed = cursor.charAt(at) == 'A' ? 'B' : 'A';
        return cursor.substring(0, at) + changed + cursor.substring(at + 1);
    }

    private static String cursor(Answer page) {
        return page.headers().firstValue(ListCursor.NEXT_CURSOR_HEADER).orElseThrow(() ->
                new AssertionError("no next cursor: " + page.body()));
    }

    /** The next page's path from the Link header, checked against Herald-Next-Cursor; empty on the last page. */
    private static Optional<String> next(Answer page, String path) {
        Optional<String> link = page.headers().firstValue("Link");
        Optional<String> cursor = page.headers().firstValue(ListCursor.NEXT_CURSOR_HEADER);
        assertEquals(link.isPresent(), cursor.isPresent(), page.headers().map().toString());
        return link.map(text -> {
            Matcher m = NEXT_LINK.matcher(text);
            assertTrue(m.matches(), text);
            assertTrue(m.group(1).startsWith(path + "?"), text);
            assertTrue(m.group(1).endsWith("cursor=" + cursor.get()), text);
            return m.group(1);
        });
    }

    private Answer get(String path) {
        return api.call("GET", path).as(acme).send();
    }

    private static List<String> ids(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        List<String> ids = new ArrayList<>();
        answer.json().forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }
}
