-- Padlock's users (JdbcUserStore) on H2. Padlock runs it with padlock.jdbc.initialize-schema (always, or embedded
-- for an embedded database), writing the table name of padlock.jdbc.users.table in place of padlock_users; or run it
-- yourself (Flyway, Liquibase, psql) and set padlock.jdbc.initialize-schema=never.
CREATE TABLE IF NOT EXISTS padlock_users (
    username      VARCHAR(255)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(500)  NOT NULL,
    scopes        VARCHAR(4000) NOT NULL DEFAULT '',
    disabled      BOOLEAN       NOT NULL DEFAULT FALSE
);
