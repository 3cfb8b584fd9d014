package io.github.padlock.credentials;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import io.github.padlock.scheme.ScopeTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, rotates and revokes the API keys of a {@link JdbcApiKeyStore}'s table: the service an application calls
 * (from an administration endpoint of its own, a command, a job) to manage keys that every instance checks at its
 * next request.
 * <ul>
 * <li>{@link #create}: a new key {@code id.secret} — a random 16-character id and 256 random bits — of which the table
 * keeps the SHA-256 alone; the secret is in the returned {@link CreatedApiKey} and nowhere else, never logged.</li>
 * <li>{@link #rotate}: a new key for the same owner, scopes and expiry; the old one stays valid for the overlap (by
 * default {@link #DEFAULT_OVERLAP}, or until its own expiry if that comes first), so that clients can move to the new
 * one, then is refused by every instance. The new key has a new id.</li>
 * <li>{@link #revoke}: refused by every instance from its next request on.</li>
 * </ul>
 * Times are the database's ({@code CURRENT_TIMESTAMP}), the one clock every instance shares. Rows are never deleted:
 * a revoked or expired key stays as a record of what was issued (delete old rows with SQL when they are no longer
 * wanted). A database that does not answer is a {@link StoreUnavailableException} (503 when the call comes from a
 * request handler).
 */
public final class ApiKeyLifecycle {

    /** How long a rotated key stays valid beside its successor when no overlap is given. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofDays(1);

    /** The longest overlap of a rotation: ten years. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(3650);

    /** What the scopes column holds, joined by spaces. */
    private static final int MAX_SCOPES_LENGTH = 4000;

    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private static final int MAX_OWNER_LENGTH = 200;

    private final JdbcAccess access;

    private final TransactionTemplate transactions;

    private final Duration defaultOverlap;

    private final SecureRandom random = new SecureRandom();

    private final String insert;

    private final String selectForRotation;

    private final String shorten;

    private final String revoke;

    private final String select;

    /**
     * Keys in {@value JdbcApiKeyStore#DEFAULT_TABLE}, with a 2-second query timeout and a one-day overlap.
     * @param dataSource the database
     */
    public ApiKeyLifecycle(DataSource dataSource) {
        this(dataSource, JdbcApiKeyStore.DEFAULT_TABLE, JdbcAccess.DEFAULT_TIMEOUT, DEFAULT_OVERLAP);
    }

    /**
     * @param dataSource the database
     * @param table the table: one plain SQL identifier, optionally qualified ({@code schema.table})
     * @param timeout the longest a statement may run, in whole seconds (rounded up)
     * @param defaultOverlap how long a rotated key stays valid beside its successor, when {@link #rotate(String)}
     * is not told
     * @throws IllegalArgumentException when the table name is not a plain identifier, the timeout not positive or the
     * overlap negative
     */
    public ApiKeyLifecycle(DataSource dataSource, String table, Duration timeout, Duration defaultOverlap) {
        this.access = new JdbcAccess(dataSource, table, timeout, "API keys", ApiKeyLifecycle.class);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setTimeout(JdbcAccess.timeoutSeconds(timeout));
        this.defaultOverlap = checkedOverlap(defaultOverlap);
        String from = " FROM " + this.access.table() + " WHERE id = ?";
        String active = " revoked_at IS NULL AND (expires_at IS NULL OR expires_at > CURRENT_TIMESTAMP)";
        this.insert = "INSERT INTO " + this.access.table()
                + " (id, hash, owner, scopes, created_at, expires_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?)";
        this.selectForRotation = "SELECT owner, scopes, expires_at, CURRENT_TIMESTAMP AS db_now" + from + " AND"
                + active + " FOR UPDATE";
        this.shorten = "UPDATE " + this.access.table() + " SET expires_at = ? WHERE id = ?";
        this.revoke = "UPDATE " + this.access.table() + " SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?"
                + " AND revoked_at IS NULL";
        this.select = "SELECT id, owner, scopes, created_at, expires_at, revoked_at, CASE WHEN" + active
                + " THEN 1 ELSE 0 END AS active" + from;
    }

    /**
     * Creates a key.
     * @param owner who the key is for: a client, a service, a user (1 to 200 characters, no control characters)
     * @param scopes the scopes it grants, each an RFC 6749 scope-token
     * @param expiresAt when it stops being accepted (kept to the microsecond), or {@code null} for never
     * @return the key, whose {@link CreatedApiKey#key()} is to be given to the client now: it is stored nowhere
     * @throws IllegalArgumentException when the owner or a scope is malformed, the scopes longer than 4,000 characters
     * together, or the expiry after the year 9999
     * @throws StoreUnavailableException when the database does not answer
     */
    public CreatedApiKey create(String owner, Collection<String> scopes, @Nullable Instant expiresAt) {
        String checkedOwner = checkedOwner(owner);
        List<String> checkedScopes = checkedScopes(scopes);
        // Microseconds, what both databases keep: never rounded up past the time asked.
        checkedExpiry(expiresAt);
        OffsetDateTime expiry = (expiresAt != null)
                ? OffsetDateTime.ofInstant(expiresAt.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC) : null;
        return this.access.call(() -> insert(checkedOwner, checkedScopes, expiry));
    }

    /**
     * Rotates a key with the default overlap.
     * @param id the id of the key to replace
     * @return the new key, or empty when there is no such key or it is revoked or expired already
     * @throws StoreUnavailableException when the database does not answer
     * @see #rotate(String, Duration)
     */
    public Optional<CreatedApiKey> rotate(String id) {
        return rotate(id, this.defaultOverlap);
    }

    /**
     * Replaces a key by a new one with the same owner, scopes and expiry, in one transaction: the old key stays valid
     * for {@code overlap} from now (or until its own expiry, if that comes first), then every instance refuses it.
     * @param id the id of the key to replace
     * @param overlap how long the old key stays valid beside the new one; zero ends it at once
     * @return the new key, or empty when there is no such key or it is revoked or expired already
     * @throws IllegalArgumentException when the overlap is negative or longer than {@link #MAX_OVERLAP}
     * @throws StoreUnavailableException when the database does not answer
     */
    public Optional<CreatedApiKey> rotate(String id, Duration overlap) {
        Duration checked = checkedOverlap(overlap);
        if (!JdbcAccess.storable(id)) {
            return Optional.empty();
        }
        return this.access.call(() -> this.transactions.execute((status) -> {
            Optional<Current> current = this.access.sql(this.selectForRotation)
                .param(id)
                .query((row, number) -> new Current(row.getString("owner"), JdbcAccess.scopes(row.getString("scopes")),
                        timestamp(row, "expires_at"), timestamp(row, "db_now")))
                .optional();
            if (current.isEmpty()) {
                return Optional.<CreatedApiKey>empty();
            }
            Current old = current.get();
            OffsetDateTime end = old.now().plus(checked);
            OffsetDateTime oldExpiry = (old.expiresAt() != null && old.expiresAt().isBefore(end)) ? old.expiresAt()
                    : end;
            this.access.sql(this.shorten)
                .param(1, oldExpiry, Types.TIMESTAMP_WITH_TIMEZONE)
                .param(2, id)
                .update();
            return Optional.of(insert(old.owner(), old.scopes(), old.expiresAt()));
        }));
    }

    /**
     * Revokes a key: every instance refuses it from its next request on.
     * @param id the key's id
     * @return whether a key was revoked now ({@code false} when there is none or it was revoked already)
     * @throws StoreUnavailableException when the database does not answer
     */
    public boolean revoke(String id) {
        if (!JdbcAccess.storable(id)) {
            return false;
        }
        return this.access.call(() -> this.access.sql(this.revoke).param(id).update()) > 0;
    }

    /**
     * @param id a key's id
     * @return what the table holds about the key, without its hash; empty when there is none
     * @throws StoreUnavailableException when the database does not answer
     */
    public Optional<ApiKeyDetails> find(String id) {
        if (!JdbcAccess.storable(id)) {
            return Optional.empty();
        }
        return this.access.call(() -> this.access.sql(this.select)
            .param(id)
            .query((row, number) -> new ApiKeyDetails(row.getString("id"), row.getString("owner"),
                    JdbcAccess.scopes(row.getString("scopes")), instant(timestamp(row, "created_at")),
                    instant(timestamp(row, "expires_at")), instant(timestamp(row, "revoked_at")),
                    row.getInt("active") == 1))
            .optional());
    }

    private CreatedApiKey insert(String owner, List<String> scopes, @Nullable OffsetDateTime expiresAt) {
        byte[] id = new byte[12];
        this.random.nextBytes(id);
        ApiKeyGenerator.GeneratedKey key = ApiKeyGenerator.generate(Base64.getUrlEncoder().encodeToString(id));
        this.access.sql(this.insert)
            .param(1, key.id())
            .param(2, key.hash())
            .param(3, owner)
            .param(4, ScopeTokens.join(scopes))
            .param(5, expiresAt, Types.TIMESTAMP_WITH_TIMEZONE)
            .update();
        return new CreatedApiKey(key.id(), key.key());
    }

    private static @Nullable OffsetDateTime timestamp(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

    private static Duration checkedOverlap(Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new IllegalArgumentException("The overlap of a rotation is from 0 to " + MAX_OVERLAP.toDays()
                    + " days");
        }
        return overlap;
    }

    /** Both databases keep timestamps to year 9999 (PostgreSQL further, H2 not); beyond, a key's expiry is refused. */
    private static @Nullable Instant checkedExpiry(@Nullable Instant expiresAt) {
        if (expiresAt != null && expiresAt.isAfter(LATEST_EXPIRY)) {
            throw new IllegalArgumentException("A key's expiry is before the year 10000");
        }
        return expiresAt;
    }

    private static String checkedOwner(@Nullable String owner) {
        if (owner == null || owner.isBlank() || owner.length() > MAX_OWNER_LENGTH || owner.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("An owner has 1 to " + MAX_OWNER_LENGTH
                    + " characters, not all blank, and no control characters");
        }
        return owner;
    }

    private static List<String> checkedScopes(@Nullable Collection<@Nullable String> scopes) {
        if (scopes == null) {
            throw new IllegalArgumentException("A key's scopes are a list, empty for none");
        }
        int length = 0;
        for (String scope : scopes) {
            if (scope == null || !ScopeTokens.isScopeToken(scope)) {
                throw new IllegalArgumentException("A scope is an RFC 6749 scope-token: printable ASCII without "
                        + "space, \" or \\");
            }
            length += scope.length() + 1;
        }
        if (length > MAX_SCOPES_LENGTH) {
            throw new IllegalArgumentException("A key's scopes, joined by spaces, have at most " + MAX_SCOPES_LENGTH
                    + " characters");
        }
        return List.copyOf(new LinkedHashSet<>(scopes));
    }

    /** The key being rotated, and the database's time. */
    private record Current(String owner, List<String> scopes, @Nullable OffsetDateTime expiresAt,
            OffsetDateTime now) {
    }
}
