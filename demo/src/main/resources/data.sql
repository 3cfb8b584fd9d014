-- Seed data, inserted once: a restart against a real database leaves existing rows alone.
-- Passwords are bcrypt hashes: stanley / password123, alice / secret2 (disabled, as in FastAPI's tutorial).
INSERT INTO padlock_users (username, password_hash, scopes, disabled)
SELECT 'stanley', '{bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS', 'items:read items:write', FALSE
WHERE NOT EXISTS (SELECT 1 FROM padlock_users WHERE username = 'stanley');

INSERT INTO padlock_users (username, password_hash, scopes, disabled)
SELECT 'alice', '{bcrypt}$2a$10$T0SY.tmiXCe2CCn5A55gj.7SYEL5BTETnjTYdjAzLVh1BFsd2USmO', 'items:read', TRUE
WHERE NOT EXISTS (SELECT 1 FROM padlock_users WHERE username = 'alice');

-- The key demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c, stored as the SHA-256 of the whole key; new keys come from
-- Padlock's ApiKeyLifecycle, which shows their secret once.
INSERT INTO padlock_api_keys (id, hash, owner, scopes, created_at)
SELECT 'demo', 'sha256:31ed40247d3d65a2a5f33fb6e884f298b511ce5d8916ea1ee2c617f471ea1af8', 'demo', '', CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM padlock_api_keys WHERE id = 'demo');

INSERT INTO items (name, description, price)
SELECT v.name, v.description, v.price
FROM (VALUES ('Padlock', 'A sturdy brass padlock', 12.50),
             ('Key ring', CAST(NULL AS VARCHAR(2000)), 2.00),
             ('Hasp', 'Steel hasp and staple', 4.75)) AS v(name, description, price)
WHERE NOT EXISTS (SELECT 1 FROM items);
