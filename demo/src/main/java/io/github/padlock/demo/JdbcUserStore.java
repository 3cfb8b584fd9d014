package io.github.padlock.demo;

import java.util.Arrays;
import java.util.List;

import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserStore;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's users, read from the {@code users} table: Padlock's built-in user verifier and token endpoint check
 * passwords against it instead of {@code padlock.users}, and upgrade a hash of an older encoding in it.
 */
@Component
class JdbcUserStore implements UserStore {

    private final JdbcClient jdbc;

    JdbcUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public @Nullable StoredUser findUser(String username) {
        return this.jdbc.sql("SELECT username, password_hash, scopes, disabled FROM users WHERE username = ?")
            .param(username)
            .query((row, number) -> new StoredUser(row.getString("username"), row.getString("password_hash"),
                    scopes(row.getString("scopes")), row.getBoolean("disabled")))
            .optional()
            .orElse(null);
    }

    /** Padlock re-encodes a hash of an older encoding after a successful login: the table converges. */
    @Override
    public void updatePassword(String username, String passwordHash) {
        this.jdbc.sql("UPDATE users SET password_hash = ? WHERE username = ?")
            .param(passwordHash)
            .param(username)
            .update();
    }

    private static List<String> scopes(String scopes) {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.strip().split("\\s+"));
    }
}
