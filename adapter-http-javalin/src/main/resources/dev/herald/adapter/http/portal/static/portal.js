"use strict";
// The tenant portal (docs/API.md §12): plain DOM over the documented /v1 routes, nothing else. Credentials live in
// sessionStorage only: a portal session's token (from the link's #token=… fragment, docs/API.md §2.4) or the
// tenant's own TENANT and API-KEY. Every text from the API is set as textContent, never parsed as HTML.
(() => {
  const main = document.getElementById("main");
  const notice = document.getElementById("notice");
  const nav = document.getElementById("nav");
  const STORE = window.sessionStorage;
  let eventTypes = null;

  // ---- credentials --------------------------------------------------------------------------------------------

  function takeTokenFromFragment() {
    const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
    if (match) {
      STORE.clear();
      STORE.setItem("herald.token", match[1]);
      // The token leaves the address bar and the history at once.
      history.replaceState(null, "", window.location.pathname);
    }
  }

  function credentials() {
    const token = STORE.getItem("herald.token");
    if (token) return {"Authorization": "Bearer " + token};
    const tenant = STORE.getItem("herald.tenant"), key = STORE.getItem("herald.apiKey");
    return tenant && key ? {"TENANT": tenant, "API-KEY": key} : null;
  }

  function logOut(message) {
    STORE.clear();
    eventTypes = null;
    nav.hidden = true;
    showLogin(message);
  }

  // ---- the API --------------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, body) {
      super(ApiError.describe(status, body));
      this.status = status;
    }

    static describe(status, body) {
      if (body && Array.isArray(body.detail)) {
        return body.detail.map(p => p.loc.slice(1).join(".") + ": " + p.msg).join("; ");
      }
      return body && body.detail ? body.detail : "HTTP " + status;
    }
  }

  /** One call of the API; a 401 ends the session (an expired token or a replaced key). */
  async function api(method, path, body) {
    const headers = Object.assign({"Accept": "application/json"}, credentials() || {});
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer"});
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.status === 401) {
      logOut("Your session has ended or the credentials were refused. Log in again.");
      throw new ApiError(401, json);
    }
    if (!response.ok) throw new ApiError(response.status, json);
    return {json, nextCursor: response.headers.get("Herald-Next-Cursor")};
  }

  async function types() {
    if (!eventTypes) eventTypes = (await api("GET", "/v1/event-type/list")).json.map(t => t.type);
    return eventTypes;
  }

  // ---- DOM helpers -------------------------------------------------------------------------------------------

  /** An element with attributes (on… are listeners) and children (strings become text). */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? "" : String(value));
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) {
        element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return element;
  }

  function button(label, onClick, attributes) {
    return h("button", Object.assign({type: "button", onclick: onClick}, attributes || {}), label);
  }

  function say(message, kind) {
    notice.textContent = message || "";
    notice.className = "notice" + (message ? " " + (kind || "info") : "");
  }

  /** Replaces the screen; its heading takes the focus, so a screen reader announces where the user is. */
  function render(title, ...content) {
    const heading = h("h1", {tabindex: "-1", id: "screen-title"}, title);
    main.replaceChildren(heading, ...content);
    document.title = title + " · Herald portal";
    heading.focus();
  }

  /** Runs {@code action}, showing its failure (other than a 401, which logs out) in the notice area. */
  async function attempt(action) {
    try {
      return await action();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) say(e.message, "error");
      return undefined;
    }
  }

  function field(label, input, hint) {
    const id = input.id || ("f-" + Math.random().toString(36).slice(2));
    input.id = id;
    return h("div", {class: "field"}, h("label", {for: id}, label), input, hint ? h("p", {class: "hint"}, hint) : null);
  }

  function statusBadge(status) {
    return h("span", {class: "badge " + status.toLowerCase()}, status);
  }

  function time(text) {
    return text ? new Date(text).toLocaleString() : "—";
  }

  /** A datetime-local value (the user's time) as the API's ISO-8601 instant, or null when empty. */
  function instant(localValue) {
    return localValue ? new Date(localValue).toISOString() : null;
  }

  // ---- login ---------------------------------------------------------------------------------------------------

  function showLogin(message) {
    say(message || "", message ? "error" : "info");
    const tenant = h("input", {id: "login-tenant", name: "tenant", autocomplete: "username", required: true});
    const key = h("input", {id: "login-key", name: "apiKey", type: "password", autocomplete: "current-password",
      required: true});
    const form = h("form", {class: "card narrow", onsubmit: async event => {
      event.preventDefault();
      STORE.clear();
      STORE.setItem("herald.tenant", tenant.value.trim());
      STORE.setItem("herald.apiKey", key.value.trim());
      if (await attempt(() => api("GET", "/v1/webhook/list?limit=1"))) {
        say("");
        showWebhooks();
      }
    }},
    field("Tenant", tenant), field("API key", key, "Kept in this browser tab only, until you log out or close it."),
    h("button", {type: "submit", class: "primary", id: "login-submit"}, "Log in"));
    render("Log in", h("p", {}, "Use your tenant's name and API key, or open the link your platform gave you."), form);
  }

  // ---- webhooks --------------------------------------------------------------------------------------------------

  async function showWebhooks() {
    nav.hidden = false;
    const result = await attempt(() => api("GET", "/v1/webhook/list"));
    if (!result) return;
    const list = h("ul", {class: "cards", id: "webhook-list"});
    result.json.forEach(webhook => list.appendChild(webhookCard(webhook)));
    render("Webhooks",
      h("div", {class: "actions"}, button("New webhook", () => showWebhookForm(null), {class: "primary", id: "new-webhook"})),
      result.json.length ? list : h("p", {id: "no-webhooks"}, "No webhooks yet. Create one to start receiving events."));
  }

  function webhookCard(webhook) {
    const chart = h("div", {class: "chart-box"}, h("span", {class: "muted"}, "Loading deliveries…"));
    attempt(async () => {
      const recent = (await api("GET", "/v1/webhook/" + webhook.id + "/delivery-attempts/list?limit=30")).json;
      const drawn = HeraldChart.draw(recent);
      chart.replaceChildren(drawn.svg, h("p", {class: "chart-text"}, drawn.text));
    });
    return h("li", {class: "card webhook", "data-id": webhook.id},
      h("h2", {}, button(webhook.url, () => showWebhook(webhook.id), {class: "link url"})),
      h("p", {}, webhook.isDisabled ? statusBadge("DISABLED") : statusBadge("ENABLED"), " ",
        h("span", {class: "muted"}, webhook.subscriptions.join(", "))),
      chart);
  }

  async function showWebhookForm(webhook) {
    const names = await attempt(types);
    if (!names) return;
    const url = h("input", {id: "webhook-url", type: "url", required: true, value: webhook ? webhook.url : "",
      placeholder: "https://example.com/hooks"});
    const email = h("input", {id: "webhook-email", type: "email",
      value: webhook && webhook.notificationEmail ? webhook.notificationEmail : ""});
    const boxes = names.map(name => h("label", {class: "check"},
      h("input", {type: "checkbox", name: "subscription", value: name,
        checked: webhook ? webhook.subscriptions.includes(name) : false}), " " + name));
    const disabled = h("input", {type: "checkbox", id: "webhook-disabled", checked: webhook ? webhook.isDisabled : false});
    const form = h("form", {class: "card", onsubmit: async event => {
      event.preventDefault();
      const body = {url: url.value.trim(), notificationEmail: email.value.trim() || null,
        subscriptions: boxes.map(b => b.firstChild).filter(b => b.checked).map(b => b.value)};
      if (webhook) body.isDisabled = disabled.checked;
      const saved = await attempt(() => webhook
        ? api("PUT", "/v1/webhook/update/" + webhook.id, body) : api("POST", "/v1/webhook/create", body));
      if (saved) {
        say(webhook ? "Webhook saved." : "Webhook created.");
        showWebhook(saved.json.id);
      }
    }},
    field("Endpoint URL", url, "Where Herald POSTs each event."),
    h("fieldset", {class: "types"}, h("legend", {}, "Event types"), boxes),
    field("Failure e-mail (optional)", email, "Told when a delivery finally fails."),
    webhook ? h("div", {class: "field"}, h("label", {class: "check"}, disabled, " Disabled: hold deliveries")) : null,
    h("div", {class: "actions"}, h("button", {type: "submit", class: "primary", id: "webhook-save"},
      webhook ? "Save" : "Create webhook"),
    button("Cancel", () => webhook ? showWebhook(webhook.id) : showWebhooks())));
    render(webhook ? "Edit webhook" : "New webhook", form);
  }

  async function showWebhook(id, filters) {
    const found = await attempt(() => api("GET", "/v1/webhook/get/" + id));
    if (!found) return;
    const webhook = found.json;
    const names = await attempt(types) || [];
    render(webhook.url,
      h("p", {}, webhook.isDisabled ? statusBadge("DISABLED") : statusBadge("ENABLED"), " ",
        h("span", {class: "muted"}, webhook.id)),
      h("div", {class: "actions"},
        button("Edit", () => showWebhookForm(webhook), {id: "edit-webhook"}),
        webhook.isDisabled
          ? button("Enable", () => change(api("POST", "/v1/webhook/enable/" + id), "Webhook enabled."), {id: "enable"})
          : button("Disable", () => change(api("PUT", "/v1/webhook/update/" + id, {isDisabled: true}),
            "Webhook disabled: deliveries are held."), {id: "disable"}),
        deleteButton(webhook)),
      h("dl", {class: "facts card"},
        h("dt", {}, "Event types"), h("dd", {}, webhook.subscriptions.join(", ")),
        h("dt", {}, "Failure e-mail"), h("dd", {}, webhook.notificationEmail || "—"),
        h("dt", {}, "Endpoint health"), h("dd", {}, webhook.health.circuit + (webhook.health.lastError
          ? " · last error: " + webhook.health.lastError : "")),
        h("dt", {}, "Created"), h("dd", {}, time(webhook.createdDate))),
      secretPanel(webhook),
      testEventPanel(webhook, names),
      recoverPanel(webhook),
      await deliveriesPanel(webhook, names, filters || {}));

    async function change(call, message) {
      if (await attempt(() => call)) {
        say(message);
        showWebhook(id);
      }
    }
  }

  function deleteButton(webhook) {
    const box = h("span", {class: "confirm"});
    const ask = button("Delete", () => {
      const cancel = button("Cancel", () => box.replaceChildren(ask));
      box.replaceChildren(h("span", {role: "alert"}, "Delete this webhook? Its pending deliveries are cancelled. "),
        button("Yes, delete", async () => {
          if (await attempt(() => api("DELETE", "/v1/webhook/delete/" + webhook.id))) {
            say("Webhook deleted.");
            showWebhooks();
          }
        }, {class: "danger", id: "confirm-delete"}), " ", cancel);
      cancel.focus();
    }, {class: "danger", id: "delete-webhook"});
    box.appendChild(ask);
    return box;
  }

  function secretPanel(webhook) {
    const value = h("code", {id: "secret", class: "secret"}, "whsec_" + "•".repeat(12));
    let shown = false;
    const toggle = button("Show secret", () => {
      shown = !shown;
      value.textContent = shown ? webhook.secret : "whsec_" + "•".repeat(12);
      toggle.textContent = shown ? "Hide secret" : "Show secret";
      toggle.setAttribute("aria-pressed", String(shown));
    }, {id: "show-secret", "aria-pressed": "false"});
    const copy = button("Copy", async () => {
      try {
        await navigator.clipboard.writeText(webhook.secret);
        say("Secret copied to the clipboard.");
      } catch (e) {
        say("The browser refused the clipboard: show the secret and copy it by hand.", "error");
      }
    }, {id: "copy-secret"});
    const rotate = button("Rotate secret", async () => {
      const rotated = await attempt(() => api("POST", "/v1/webhook/rotate-secret/" + webhook.id, {}));
      if (rotated) {
        webhook.secret = rotated.json.secret;
        shown = true;
        value.textContent = webhook.secret;
        toggle.textContent = "Hide secret";
        say("New secret made. The old one keeps signing for a day, so your receiver can switch.");
      }
    }, {id: "rotate-secret"});
    return h("section", {class: "card", "aria-labelledby": "secret-title"},
      h("h2", {id: "secret-title"}, "Signing secret"), h("p", {}, value), h("div", {class: "actions"}, toggle, copy, rotate));
  }

  function typeSelect(id, names, withAll) {
    return h("select", {id},
      withAll ? h("option", {value: ""}, "All types") : null,
      names.map(name => h("option", {value: name}, name)));
  }

  function testEventPanel(webhook, names) {
    const type = typeSelect("example-type", names, false);
    const result = h("p", {id: "example-result"});
    return h("section", {class: "card", "aria-labelledby": "example-title"},
      h("h2", {id: "example-title"}, "Send a test event"),
      field("Event type", type, "Sends the catalog's example of this type to this webhook only."),
      h("div", {class: "actions"}, button("Send example", async () => {
        const sent = await attempt(() => api("POST", "/v1/webhook/send-example/" + webhook.id, {eventType: type.value}));
        if (sent) {
          result.replaceChildren("Sent: ", button(sent.json.deliveryId, () => showDelivery(sent.json.deliveryId),
            {class: "link"}));
          say("Example queued.");
        }
      }, {id: "send-example"})), result);
  }

  function recoverPanel(webhook) {
    const since = h("input", {id: "recover-since", type: "datetime-local", required: true});
    return h("section", {class: "card", "aria-labelledby": "recover-title"},
      h("h2", {id: "recover-title"}, "Recover failed deliveries"),
      field("Failed since", since, "Sends again every delivery that finally failed since then."),
      h("div", {class: "actions"}, button("Recover", async () => {
        if (!since.value) {
          say("Choose a date and time to recover from.", "error");
          since.focus();
          return;
        }
        const recovered = await attempt(() => api("POST", "/v1/webhook/recover/" + webhook.id, {since: instant(since.value)}));
        if (recovered) say(recovered.json.recovered + " deliveries queued again.");
      }, {id: "recover"})));
  }

  // ---- deliveries ------------------------------------------------------------------------------------------------

  async function deliveriesPanel(webhook, names, filters) {
    const outcome = h("select", {id: "filter-delivered"}, h("option", {value: ""}, "Any"),
      h("option", {value: "true"}, "Delivered"), h("option", {value: "false"}, "Not delivered"));
    outcome.value = filters.is_delivered || "";
    const type = typeSelect("filter-type", names, true);
    type.value = filters.event_type || "";
    const lastStatus = h("input", {id: "filter-status", type: "number", min: "100", max: "599",
      value: filters.last_delivery_attempt_status || ""});
    const after = h("input", {id: "filter-after", type: "datetime-local", value: filters.afterLocal || ""});
    const before = h("input", {id: "filter-before", type: "datetime-local", value: filters.beforeLocal || ""});
    const form = h("form", {class: "filters", onsubmit: event => {
      event.preventDefault();
      showWebhook(webhook.id, {is_delivered: outcome.value, event_type: type.value,
        last_delivery_attempt_status: lastStatus.value, afterLocal: after.value, beforeLocal: before.value});
    }},
    field("Outcome", outcome), field("Event type", type), field("Last HTTP status", lastStatus),
    field("Created after", after), field("Created before", before),
    h("div", {class: "actions"}, h("button", {type: "submit", id: "apply-filters"}, "Filter")));

    const query = new URLSearchParams({limit: "20"});
    ["is_delivered", "event_type", "last_delivery_attempt_status"].forEach(name => {
      if (filters[name]) query.set(name, filters[name]);
    });
    if (filters.afterLocal) query.set("created_after", instant(filters.afterLocal));
    if (filters.beforeLocal) query.set("created_before", instant(filters.beforeLocal));
    const body = h("tbody", {id: "delivery-rows"});
    const more = h("div", {class: "actions"});
    const table = h("div", {class: "scroll"}, h("table", {class: "deliveries"},
      h("caption", {class: "visually-hidden"}, "Deliveries, newest first"),
      h("thead", {}, h("tr", {}, ["Delivery", "Type", "Outcome", "Attempts", "Last status", "Created"]
        .map(name => h("th", {scope: "col"}, name)))), body));

    async function page(cursor) {
      if (cursor) query.set("cursor", cursor);
      const result = await attempt(() => api("GET", "/v1/webhook/" + webhook.id + "/delivery-attempts/list?" + query));
      if (!result) return;
      result.json.forEach(d => body.appendChild(h("tr", {"data-id": d.id},
        h("td", {}, button(d.id, () => showDelivery(d.id), {class: "link delivery-link"})),
        h("td", {}, d.type), h("td", {}, statusBadge(d.status)), h("td", {}, String(d.attemptCount)),
        h("td", {}, d.lastDeliveryAttemptStatus === null ? (d.lastDeliveryAttemptError || "—")
          : String(d.lastDeliveryAttemptStatus)),
        h("td", {}, time(d.createdDate)))));
      if (!body.children.length) body.appendChild(h("tr", {}, h("td", {colspan: "6"}, "No deliveries match.")));
      more.replaceChildren(result.nextCursor ? button("Older deliveries", () => page(result.nextCursor), {id: "older"}) : "");
    }

    await page(null);
    return h("section", {class: "card", "aria-labelledby": "deliveries-title"},
      h("div", {class: "actions"}, h("h2", {id: "deliveries-title"}, "Deliveries"),
        button("Refresh", () => showWebhook(webhook.id, filters), {id: "refresh-deliveries"})),
      form, table, more);
  }

  async function showDelivery(id) {
    const found = await attempt(() => api("GET", "/v1/webhook/events/" + id));
    if (!found) return;
    const d = found.json;
    const webhook = await attempt(() => api("GET", "/v1/webhook/get/" + d.webhookId));
    const sent = {id: d.id, type: d.type, data: d.data, createdDate: d.createdDate, alertId: d.alertId};
    const headers = [["Content-Type", "application/json"], ["webhook-id", d.id],
      ["webhook-timestamp", "the attempt's Unix time"], ["webhook-signature", "v1,… (per attempt)"],
      ["Decoda-Signature", "hex HMAC of the body"]]
      .concat(webhook ? Object.entries(webhook.json.headers) : []);
    render("Delivery " + d.id,
      h("p", {}, statusBadge(d.status), " ", h("span", {class: "muted"}, d.type + " · event " + d.alertId)),
      h("div", {class: "actions"},
        button("Re-send now", async () => {
          const resent = await attempt(() => api("POST", "/v1/webhook/events/" + id + "/send"));
          if (resent) {
            await showDelivery(id);
            say("Re-sent: the endpoint answered " + (resent.json.lastDeliveryAttemptStatus
              || resent.json.lastDeliveryAttemptError) + ".");
          }
        }, {class: "primary", id: "resend"}),
        webhook ? button("Back to the webhook", () => showWebhook(d.webhookId), {id: "back-to-webhook"}) : null),
      h("dl", {class: "facts card"},
        h("dt", {}, "Status"), h("dd", {id: "delivery-status"}, d.status),
        h("dt", {}, "Created"), h("dd", {}, time(d.createdDate)),
        h("dt", {}, "Delivered"), h("dd", {}, time(d.deliveredDate)),
        h("dt", {}, "Next attempt"), h("dd", {}, time(d.nextAttemptDate))),
      h("section", {class: "card", "aria-labelledby": "attempts-title"}, h("h2", {id: "attempts-title"}, "Attempts and responses"),
        d.attempts.length ? h("ol", {class: "attempts", id: "attempts"}, d.attempts.map(a => h("li", {},
          h("p", {}, h("span", {class: "badge " + (a.status >= 200 && a.status < 300 ? "delivered" : "failed")},
            a.status === null ? "no answer" : "HTTP " + a.status), " ",
            time(a.date) + " · " + a.durationMs + " ms" + (a.error ? " · " + a.error : "")),
          a.responseBody ? h("pre", {tabindex: "0"}, a.responseBody) : null)))
          : h("p", {}, "No attempt yet.")),
      h("section", {class: "card", "aria-labelledby": "request-title"}, h("h2", {id: "request-title"}, "Request"),
        h("table", {class: "headers"}, h("caption", {class: "visually-hidden"}, "Request headers"),
          h("tbody", {}, headers.map(([name, value]) => h("tr", {}, h("th", {scope: "row"}, name), h("td", {}, value))))),
        h("pre", {id: "request-body", tabindex: "0"}, JSON.stringify(sent, null, 2))));
  }

  // ---- start ---------------------------------------------------------------------------------------------------------

  document.getElementById("nav-webhooks").addEventListener("click", () => { say(""); showWebhooks(); });
  document.getElementById("logout").addEventListener("click", () => logOut("Logged out."));
  takeTokenFromFragment();
  if (credentials()) showWebhooks();
  else showLogin();
})();
