package dev.herald.adapter.http;

import dev.herald.application.port.in.ForInspectingDeliveries;
import dev.herald.domain.NotFoundException;
import dev.herald.domain.event.EventId;
import dev.herald.domain.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The event history, docs/API.md §5.1-5.2: what a tenant published, and where each delivery of it stands. */
final class JavalinEventHistoryRoutes {
    static final String EVENT_ID = "event_id";

    private final ForInspectingDeliveries history;
    private final TenantAuthentication auth;

    JavalinEventHistoryRoutes(ForInspectingDeliveries history, TenantAuthentication auth) {
        this.history = history;
        this.auth = auth;
    }

    void register(RoutesConfig routes) {
        routes.get("/v1/event/list", auth.authenticated(this::list));
        routes.get("/v1/event/get/{" + EVENT_ID + "}", auth.authenticated(this::get));
    }

    private void list(Context ctx, TenantId tenant) {
        var query = EventListQuery.from(ctx);
        var page = history.events(tenant, query);
        ListCursor.announceNext(ctx, EventListQuery.list(query), page.next());
        Json.okStreamed(ctx, page.items().map(EventSummary::from));
    }

    private void get(Context ctx, TenantId tenant) {
        // A malformed id cannot name an event: 404 like a missing one (docs/API.md §3).
        EventId id = EventId.parse(ctx.pathParam(EVENT_ID)).orElseThrow(NotFoundException::event);
        Json.ok(ctx, EventDetailSummary.from(history.event(tenant, id)));
    }
}
