-- Padlock's API keys (JdbcApiKeyStore, ApiKeyLifecycle) on PostgreSQL. Padlock runs it with padlock.jdbc.initialize-schema
-- (always, or embedded for an embedded database), writing the table name of padlock.jdbc.api-keys.table in place of
-- padlock_api_keys; or run it yourself (Flyway, Liquibase, psql) and set padlock.jdbc.initialize-schema=never.
-- hash is of the whole key id.secret: sha256:<64 hex digits> (what ApiKeyLifecycle writes) or an encoder hash.
-- Times are the database's; a key is accepted while revoked_at is NULL and expires_at is NULL or later than now.
CREATE TABLE IF NOT EXISTS padlock_api_keys (
    id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    hash       VARCHAR(500)             NOT NULL,
    owner      VARCHAR(200)             NOT NULL,
    scopes     VARCHAR(4000)            NOT NULL DEFAULT '',
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);
