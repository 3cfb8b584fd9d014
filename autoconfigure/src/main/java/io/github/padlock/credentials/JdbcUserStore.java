package io.github.padlock.credentials;

import java.time.Duration;
import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Users in a database table, read with Spring's {@code JdbcClient} at every check, so that every instance of an
 * application sees a change (a disabled account, a new password) at its next request. The table, by default
 * {@value #DEFAULT_TABLE}, has the columns {@code username} (the key), {@code password_hash} (with its encoder id,
 * such as {@code {bcrypt}$2a$10$…}), {@code scopes} (separated by single spaces) and {@code disabled}; Padlock ships
 * its schema for PostgreSQL and H2 ({@code io/github/padlock/credentials/schema-users-<platform>.sql}).
 * <p>
 * A database that does not answer within the timeout (or whose pool gives no connection in time) is a
 * {@link StoreUnavailableException}, 503, never a 500 or a request that hangs. The timing of an unknown user and a
 * wrong password stays the same: the {@link UserAuthenticator} runs its dummy check whatever the store found.
 */
public final class JdbcUserStore implements UserStore {

    /** The table when none is given. */
    public static final String DEFAULT_TABLE = "padlock_users";

    private final JdbcAccess access;

    private final String select;

    private final String update;

    /**
     * Users in {@value #DEFAULT_TABLE}, with a 2-second query timeout.
     * @param dataSource the database
     */
    public JdbcUserStore(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE, JdbcAccess.DEFAULT_TIMEOUT);
    }

    /**
     * @param dataSource the database
     * @param table the table: one plain SQL identifier, optionally qualified ({@code schema.table})
     * @param timeout the longest a statement may run, in whole seconds (rounded up)
     * @throws IllegalArgumentException when the table name is not a plain identifier or the timeout not positive
     */
    public JdbcUserStore(DataSource dataSource, String table, Duration timeout) {
        this.access = new JdbcAccess(dataSource, table, timeout, "users", JdbcUserStore.class);
        this.select = "SELECT username, password_hash, scopes, disabled FROM " + this.access.table()
                + " WHERE username = ?";
        this.update = "UPDATE " + this.access.table() + " SET password_hash = ? WHERE username = ?";
    }

    /**
     * @param username the user name as the client sent it, compared exactly
     * @return the user, or {@code null} when there is none by that name
     * @throws StoreUnavailableException when the database does not answer
     */
    @Override
    public @Nullable StoredUser findUser(String username) {
        if (!JdbcAccess.storable(username)) {
            return null;
        }
        return this.access.call(() -> this.access.sql(this.select)
            .param(username)
            .query((row, number) -> new StoredUser(row.getString("username"), row.getString("password_hash"),
                    JdbcAccess.scopes(row.getString("scopes")), row.getBoolean("disabled")))
            .optional()
            .orElse(null));
    }

    /**
     * Writes the re-encoded hash, so that the table converges on the current encoding. A database that does not
     * answer leaves the hash as it is (the outage is logged): the login that asked for it still succeeds, and a later
     * one converges.
     * @param username the user's name, as stored
     * @param passwordHash the new hash, with its encoder id
     */
    @Override
    public void updatePassword(String username, String passwordHash) {
        try {
            this.access.call(() -> this.access.sql(this.update).param(passwordHash).param(username).update());
        }
        catch (StoreUnavailableException ex) {
            // Logged by JdbcAccess; the hash it matched still matches.
        }
    }
}
