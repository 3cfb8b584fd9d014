package io.github.padlock.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.github.padlock.scheme.ScopeTokens;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What the JDBC stores share: a table name that is safe to write into SQL, statements with a timeout, and the one
 * translation of a database that does not answer into {@link StoreUnavailableException} (503), logged once when the
 * database goes away and once when it is back rather than at every request of an outage.
 * <p>
 * Only failures of the connection or of time become 503: {@link TransientDataAccessException} (a query timeout, a
 * pool that gave up waiting for a connection, a deadlock), {@link RecoverableDataAccessException} and
 * {@link DataAccessResourceFailureException} (no connection, a connection lost), and
 * {@link CannotCreateTransactionException} (no connection to begin a transaction on). Any other {@link DataAccessException}
 * — a missing table, a wrong column — is a mistake of the deployment and passes on as it is: a 500 that gets fixed,
 * not a 503 that waits for ever.
 * <p>
 * Public for Padlock's stores in other packages (the token store of {@code io.github.padlock.oauth2}); not meant for
 * applications.
 */
public final class JdbcAccess {

    /** A plain SQL identifier, unquoted, optionally qualified by a schema: never anything a string could smuggle. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /** What a refused request is told to wait. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The query timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final JdbcClient jdbc;

    private final String table;

    private final int timeoutSeconds;

    private final String what;

    private final Log logger;

    private final AtomicBoolean unavailable = new AtomicBoolean();

    /**
     * @param dataSource the database
     * @param table the table, checked by {@link #checkedTable}
     * @param timeout the longest a statement may run, rounded up to whole seconds (JDBC's unit)
     * @param what what the table holds, for the log: {@code users}, {@code API keys}
     * @param owner the store, whose logger says it
     */
    public JdbcAccess(DataSource dataSource, String table, Duration timeout, String what, Class<?> owner) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource must not be null"));
        this.table = checkedTable(table);
        this.timeoutSeconds = timeoutSeconds(timeout);
        this.what = what;
        this.logger = LogFactory.getLog(owner);
    }

    /**
     * @param table a table name, possibly {@code schema.table}
     * @return it, when it is one or two plain SQL identifiers of at most 63 characters each (PostgreSQL's limit)
     * @throws IllegalArgumentException otherwise, since it is written into SQL as it is
     */
    public static String checkedTable(String table) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("A table name must be a plain SQL identifier (letters, digits and _, "
                    + "not starting with a digit, at most 63 characters), optionally qualified as schema.table");
        }
        return table;
    }

    /** JDBC's query timeout is in seconds; a positive duration is at least one. */
    static int timeoutSeconds(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The query timeout must be positive");
        }
        long seconds = (timeout.toMillis() + 999) / 1000;
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /**
     * @param key a value to look a row up by: a user name, a key's id
     * @return whether a row can hold it: PostgreSQL's text cannot hold U+0000, so no row has such a value, and asking
     * for one is an error of the database (a 500) rather than nothing found — an API key sent in a query parameter or a
     * cookie may carry {@code %00}
     */
    public static boolean storable(String key) {
        return key.indexOf('\u0000') < 0;
    }

    /**
     * @param column a scopes column: scope-tokens separated by single spaces, empty or {@code NULL} for none
     * @return the scopes
     */
    public static List<String> scopes(@Nullable String column) {
        return (column == null) ? List.of() : ScopeTokens.split(column);
    }

    /** {@return the checked table name} */
    public String table() {
        return this.table;
    }

    /**
     * @param sql a statement
     * @return it, with the query timeout
     */
    public JdbcClient.StatementSpec sql(String sql) {
        return this.jdbc.sql(sql).withQueryTimeout(this.timeoutSeconds);
    }

    /**
     * Runs database work, turning a database that does not answer into a 503.
     * @param <T> what the work returns
     * @param work the work
     * @return what it returned
     * @throws StoreUnavailableException when the database did not answer
     */
    public <T> T call(Supplier<T> work) {
        T result;
        try {
            result = work.get();
        }
        catch (TransientDataAccessException | RecoverableDataAccessException | DataAccessResourceFailureException
                | CannotCreateTransactionException ex) {
            if (!this.unavailable.getAndSet(true)) {
                this.logger.warn("The database of Padlock's " + this.what + " (table " + this.table
                        + ") does not answer: requests that need it are refused with 503 until it does", ex);
            }
            else if (this.logger.isDebugEnabled()) {
                this.logger.debug("The database of Padlock's " + this.what + " still does not answer: " + ex);
            }
            throw new StoreUnavailableException(RETRY_AFTER);
        }
        if (this.unavailable.get() && this.unavailable.compareAndSet(true, false)) {
            this.logger.info("The database of Padlock's " + this.what + " (table " + this.table + ") answers again");
        }
        return result;
    }
}
