package io.github.padlock.credentials;

import org.jspecify.annotations.Nullable;

/**
 * Where API keys come from: the {@code padlock.api-keys} list by default; declare a bean of this type to use a
 * database.
 */
@FunctionalInterface
public interface ApiKeyStore {

    /**
     * @param id the key's id, the part of the presented key before the first dot
     * @return the key, or {@code null} when there is none with that id
     */
    @Nullable StoredApiKey findApiKey(String id);
}
