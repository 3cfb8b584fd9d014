package io.github.padlock.credentials;

import java.util.List;
import java.util.Objects;

/**
 * An API key as an {@link ApiKeyStore} keeps it: its public id and the hash of the whole key. {@link #toString()}
 * leaves the hash out.
 *
 * @param id the key's id, the part before the first dot of {@code id.secret}; not secret
 * @param hash the hash of the whole key {@code id.secret}: {@code sha256:<hex>}, or a {@code DelegatingPasswordEncoder}
 * hash such as {@code {bcrypt}…}
 * @param scopes the scopes the key grants
 */
public record StoredApiKey(String id, String hash, List<String> scopes) {

    /**
     * Refuses a {@code null} id or hash and copies the scopes.
     *
     * @param id the key's id, the part before the first dot of {@code id.secret}; not secret
     * @param hash the hash of the whole key {@code id.secret}
     * @param scopes the scopes the key grants
     */
    public StoredApiKey {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(hash, "hash must not be null");
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "StoredApiKey[id=" + this.id + ", scopes=" + this.scopes + "]";
    }
}
