package io.github.padlock.scheme;

import java.util.Objects;

/**
 * A user-id and password sent with HTTP Basic authentication (RFC 7617), as {@link HttpBasic} decoded them.
 * {@link #toString()} masks the password, so the record can be logged.
 *
 * @param username the user-id, possibly empty
 * @param password the password, possibly empty, possibly containing colons
 */
public record HttpBasicCredentials(String username, String password) {

    /**
     * Refuses {@code null} parts; empty ones are what the client sent.
     *
     * @param username the user-id, possibly empty
     * @param password the password, possibly empty, possibly containing colons
     */
    public HttpBasicCredentials {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(password, "password must not be null");
    }

    @Override
    public String toString() {
        return "HttpBasicCredentials[username=" + this.username + ", password=******]";
    }
}
