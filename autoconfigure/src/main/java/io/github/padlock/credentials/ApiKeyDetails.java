package io.github.padlock.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ApiKeyLifecycle#find} tells about a key: everything but its hash.
 *
 * @param id the key's id
 * @param owner who the key was made for: a client, a service, a user; the same for every key of a rotation
 * @param scopes the scopes the key grants
 * @param createdAt when it was created, by the database's clock
 * @param expiresAt when it stops being accepted, or {@code null} for never
 * @param revokedAt when it was revoked, or {@code null}
 * @param active whether it is accepted now: not revoked, not expired, by the database's clock
 */
public record ApiKeyDetails(String id, String owner, List<String> scopes, Instant createdAt,
        @Nullable Instant expiresAt, @Nullable Instant revokedAt, boolean active) {

    /**
     * Refuses {@code null}s where a value is required and copies the scopes.
     *
     * @param id the key's id
     * @param owner who the key was made for
     * @param scopes the scopes the key grants
     * @param createdAt when it was created
     * @param expiresAt when it stops being accepted, or {@code null} for never
     * @param revokedAt when it was revoked, or {@code null}
     * @param active whether it is accepted now
     */
    public ApiKeyDetails {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(owner, "owner must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        scopes = List.copyOf(scopes);
    }
}
