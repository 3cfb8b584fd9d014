package io.github.padlock.credentials;

import java.util.Objects;

/**
 * A key that {@link ApiKeyLifecycle} just created: the only place its secret ever appears. Give {@link #key()} to the
 * client once; the store keeps its SHA-256 alone. {@link #toString()} leaves the key out.
 *
 * @param id the key's id, the part of the key before the dot; not secret
 * @param key the whole key {@code id.secret}, as the client sends it
 */
public record CreatedApiKey(String id, String key) {

    /**
     * Refuses {@code null}s.
     *
     * @param id the key's id
     * @param key the whole key {@code id.secret}
     */
    public CreatedApiKey {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(key, "key must not be null");
    }

    @Override
    public String toString() {
        return "CreatedApiKey[id=" + this.id + "]";
    }
}
