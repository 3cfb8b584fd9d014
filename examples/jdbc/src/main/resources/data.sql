-- Padlock creates padlock_users before this runs (padlock.jdbc.initialize-schema); inserted once, so that a restart
-- against PostgreSQL leaves existing rows alone. operator / operator-password may manage keys; reader /
-- reader-password may only get a token.
INSERT INTO padlock_users (username, password_hash, scopes)
SELECT 'operator', '{bcrypt}$2a$10$D95R48hD1f.Pc/IRP1RkKOLbofsKIahjMav2F.WAfQQatsEIXOeGS', 'keys:admin'
WHERE NOT EXISTS (SELECT 1 FROM padlock_users WHERE username = 'operator');

INSERT INTO padlock_users (username, password_hash, scopes)
SELECT 'reader', '{bcrypt}$2a$10$oxY/7t1SksZXKUYlm2D11.B5gzfgifgHlZuFcttjHHGYOjE79LThu', 'profile'
WHERE NOT EXISTS (SELECT 1 FROM padlock_users WHERE username = 'reader');
