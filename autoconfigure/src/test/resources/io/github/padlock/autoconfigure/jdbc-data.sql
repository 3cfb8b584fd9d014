-- An application's data.sql that fills Padlock's tables: it runs after Padlock's schema (PadlockJdbcAutoConfigurationTests).
INSERT INTO acme_users (username, password_hash, scopes) VALUES ('stanley', '{noop}password123', 'items:read');
