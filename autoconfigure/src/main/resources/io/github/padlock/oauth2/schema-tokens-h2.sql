-- Padlock's token store (JdbcTokenStore, padlock.token-endpoint.store=jdbc) on H2. Padlock runs it with
-- padlock.jdbc.initialize-schema (always, or embedded for an embedded database), writing the table names of
-- padlock.token-endpoint.jdbc.revoked-table and refresh-table in place of padlock_revoked_tokens and
-- padlock_refresh_tokens; or run it yourself (Flyway, Liquibase, psql) and set padlock.jdbc.initialize-schema=never.
-- Revoked access tokens (id 'jti:' and the token's jti) and refresh-token families ('sid:' and the family), each kept
-- until the last token it names expires; refresh tokens by the SHA-256 of the token (base64url), never the token.
-- Expired rows are ignored by every query and deleted by Padlock's periodic sweep.
CREATE TABLE IF NOT EXISTS padlock_revoked_tokens (
    id         VARCHAR(80)              NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS padlock_revoked_tokens_expiry ON padlock_revoked_tokens (expires_at);
CREATE TABLE IF NOT EXISTS padlock_refresh_tokens (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    family     VARCHAR(64)              NOT NULL,
    username   VARCHAR(255)             NOT NULL,
    scopes     VARCHAR(4000)            NOT NULL DEFAULT '',
    used       BOOLEAN                  NOT NULL DEFAULT FALSE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS padlock_refresh_tokens_expiry ON padlock_refresh_tokens (expires_at);
