package io.github.padlock.credentials;

import java.util.List;
import java.util.Objects;

/**
 * A user as a {@link UserStore} keeps it. {@link #toString()} leaves the password hash out.
 *
 * @param username the user name
 * @param passwordHash the password as a {@code DelegatingPasswordEncoder} hash, such as {@code {bcrypt}$2a$10$…}
 * @param scopes the scopes the user may be granted
 * @param disabled whether the account is disabled: its password still checks, but it is refused
 */
public record StoredUser(String username, String passwordHash, List<String> scopes, boolean disabled) {

    /**
     * Refuses a {@code null} user name or hash and copies the scopes.
     *
     * @param username the user name
     * @param passwordHash the password as a {@code DelegatingPasswordEncoder} hash
     * @param scopes the scopes the user may be granted
     * @param disabled whether the account is disabled
     */
    public StoredUser {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(passwordHash, "passwordHash must not be null");
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "StoredUser[username=" + this.username + ", scopes=" + this.scopes + ", disabled=" + this.disabled + "]";
    }
}
