package dev.herald.adapter.http;

/** The body of {@code POST /v1/webhook/send-example/{webhook_id}}: the event type whose example to send. */
record SendExampleRequest(String eventType) {
    static SendExampleRequest from(JsonFields body) {
        String eventType = body.required("eventType", JsonKind.STRING);
        body.validate();
        return new SendExampleRequest(eventType);
    }
}
