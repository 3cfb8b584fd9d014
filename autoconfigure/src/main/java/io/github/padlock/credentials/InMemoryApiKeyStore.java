package io.github.padlock.credentials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A fixed set of API keys, such as those of {@code padlock.api-keys}.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<String, StoredApiKey> keys = new LinkedHashMap<>();

    /**
     * @param keys the keys; their ids must be distinct
     */
    public InMemoryApiKeyStore(List<StoredApiKey> keys) {
        for (StoredApiKey key : keys) {
            if (this.keys.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("API key '" + key.id() + "' is listed twice");
            }
        }
    }

    @Override
    public @Nullable StoredApiKey findApiKey(String id) {
        return this.keys.get(id);
    }
}
