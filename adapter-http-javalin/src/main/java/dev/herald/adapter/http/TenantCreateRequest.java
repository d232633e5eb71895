package dev.herald.adapter.http;

/** The body of {@code POST /admin/v1/tenant/create}. */
record TenantCreateRequest(String tenant) {
    static TenantCreateRequest from(JsonFields body) {
        TenantCreateRequest request = new TenantCreateRequest(body.required("tenant", JsonKind.STRING));
        body.validate();
        return request;
    }
}
