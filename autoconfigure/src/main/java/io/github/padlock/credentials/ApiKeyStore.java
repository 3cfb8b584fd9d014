package io.github.padlock.credentials;

import org.jspecify.annotations.Nullable;

/**
 * Where API keys come from: the {@code padlock.api-keys} list ({@link InMemoryApiKeyStore}), or a database table with
 * {@code padlock.jdbc.api-keys.enabled} ({@link JdbcApiKeyStore}); declare a bean of this type to use other storage.
 */
@FunctionalInterface
public interface ApiKeyStore {

    /**
     * @param id the key's id, the part of the presented key before the first dot
     * @return the key, or {@code null} when there is none with that id (or none valid now: a store may leave out
     * revoked and expired keys, as {@link JdbcApiKeyStore} does)
     */
    @Nullable StoredApiKey findApiKey(String id);
}
