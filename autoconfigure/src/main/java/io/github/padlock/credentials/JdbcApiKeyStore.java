package io.github.padlock.credentials;

import java.time.Duration;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * API keys in a database table, read with Spring's {@code JdbcClient} at every check and without a cache, so that a
 * key created, rotated or revoked through any instance of an application ({@link ApiKeyLifecycle}) is seen by every
 * instance at its next request. The table, by default {@value #DEFAULT_TABLE}, has the columns {@code id} (the key),
 * {@code hash} (of the whole key {@code id.secret}: {@code sha256:<hex>} or an encoder hash), {@code owner},
 * {@code scopes} (separated by single spaces), {@code created_at}, {@code expires_at} and {@code revoked_at}; Padlock
 * ships its schema for PostgreSQL and H2 ({@code io/github/padlock/credentials/schema-api-keys-<platform>.sql}).
 * <p>
 * A key is found by its id, which is not secret: the lookup answers the same for an unknown id as for a wrong secret
 * apart from the row it reads, and the hash is then compared in constant time by the {@link ApiKeyAuthenticator} — the
 * query never compares hashes ({@code WHERE hash = ?} would compare them the database's way, which need not be in
 * constant time). A revoked key, or one whose {@code expires_at} has passed by the database's clock (one clock for
 * every instance), is not found. A database that does not answer within the timeout (or whose pool gives no connection
 * in time) is a {@link StoreUnavailableException}, 503, never a 500 or a request that hangs.
 */
public final class JdbcApiKeyStore implements ApiKeyStore {

    /** The table when none is given. */
    public static final String DEFAULT_TABLE = "padlock_api_keys";

    private final JdbcAccess access;

    private final String select;

    /**
     * Keys in {@value #DEFAULT_TABLE}, with a 2-second query timeout.
     * @param dataSource the database
     */
    public JdbcApiKeyStore(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE, JdbcAccess.DEFAULT_TIMEOUT);
    }

    /**
     * @param dataSource the database
     * @param table the table: one plain SQL identifier, optionally qualified ({@code schema.table})
     * @param timeout the longest a statement may run, in whole seconds (rounded up)
     * @throws IllegalArgumentException when the table name is not a plain identifier or the timeout not positive
     */
    public JdbcApiKeyStore(DataSource dataSource, String table, Duration timeout) {
        this.access = new JdbcAccess(dataSource, table, timeout, "API keys", JdbcApiKeyStore.class);
        this.select = "SELECT id, hash, scopes FROM " + this.access.table() + " WHERE id = ?"
                + " AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > CURRENT_TIMESTAMP)";
    }

    /**
     * @param id the key's id, the part of the presented key before the first dot
     * @return the key when it exists, is not revoked and has not expired; {@code null} otherwise
     * @throws StoreUnavailableException when the database does not answer
     */
    @Override
    public @Nullable StoredApiKey findApiKey(String id) {
        if (!JdbcAccess.storable(id)) {
            return null;
        }
        return this.access.call(() -> this.access.sql(this.select)
            .param(id)
            .query((row, number) -> new StoredApiKey(row.getString("id"), row.getString("hash"),
                    JdbcAccess.scopes(row.getString("scopes"))))
            .optional()
            .orElse(null));
    }
}
