-- Seed data, inserted once: a restart against a real database leaves existing rows alone.
-- Passwords are bcrypt hashes: stanley / password123, alice / secret2 (disabled, as in FastAPI's tutorial).
INSERT INTO users (username, password_hash, scopes, disabled)
SELECT 'stanley', '{bcrypt}$2a$10$We5ien6ZAUHYfKl6XGQfse9.nnTae3EWfC9r.pvHYY8NvL.aGQ8oS', 'items:read items:write', FALSE
WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = 'stanley');

INSERT INTO users (username, password_hash, scopes, disabled)
SELECT 'alice', '{bcrypt}$2a$10$T0SY.tmiXCe2CCn5A55gj.7SYEL5BTETnjTYdjAzLVh1BFsd2USmO', 'items:read', TRUE
WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = 'alice');

INSERT INTO items (name, description, price)
SELECT v.name, v.description, v.price
FROM (VALUES ('Padlock', 'A sturdy brass padlock', 12.50),
             ('Key ring', CAST(NULL AS VARCHAR(2000)), 2.00),
             ('Hasp', 'Steel hasp and staple', 4.75)) AS v(name, description, price)
WHERE NOT EXISTS (SELECT 1 FROM items);
