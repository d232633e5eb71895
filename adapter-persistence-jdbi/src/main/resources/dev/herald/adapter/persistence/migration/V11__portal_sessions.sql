-- Portal sessions (docs/API.md §2.4): short-lived bearer tokens of one tenant, stored only as their SHA-256 (hex).
-- A token is looked up by its hash; expired rows are deleted as new sessions are opened, by the expiry index.
CREATE TABLE portal_sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    tenant     VARCHAR(64) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX portal_sessions_by_expiry ON portal_sessions (expires_at);
CREATE INDEX portal_sessions_by_tenant ON portal_sessions (tenant);
