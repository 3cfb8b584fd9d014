package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.sql.DataSource;

import io.github.padlock.credentials.JdbcAccess;
import io.github.padlock.credentials.StoreUnavailableException;
import io.github.padlock.scheme.ScopeTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link TokenStore} of many instances on the application's database ({@code padlock.token-endpoint.store: jdbc}),
 * with Spring's {@code JdbcClient}: revoked token ids and families in one table (by default
 * {@value #DEFAULT_REVOKED_TABLE}: {@code id}, {@code jti:} or {@code sid:} and the id, and {@code expires_at}), refresh
 * tokens in another ({@value #DEFAULT_REFRESH_TABLE}: {@code token_hash}, the SHA-256 of the token and never the token,
 * {@code family}, {@code username}, {@code scopes}, {@code used}, {@code expires_at}); Padlock ships their schema for
 * PostgreSQL and H2 ({@code io/github/padlock/oauth2/schema-tokens-<platform>.sql}).
 * <ul>
 * <li>The revocation check is one indexed query per JWT request ({@code id IN (jti, sid)}).</li>
 * <li>Rotation is one {@code UPDATE … SET used = TRUE WHERE … used = FALSE}, whose row lock lets exactly one of two
 * concurrent uses change the row, and the successor's {@code INSERT}, in one transaction.</li>
 * <li>Times are the application's clock, the one the JWT decoder checks {@code exp} with; every query ignores expired
 * rows, and {@link #sweep()} deletes them (Padlock runs it periodically, {@link ExpiredTokenSweeper}): the sweep only
 * bounds the tables' size, never decides what is valid.</li>
 * <li>A database that does not answer within the query timeout (or the pool's connection timeout) is a
 * {@link StoreUnavailableException}, 503: a JWT is then refused, never accepted unchecked.</li>
 * </ul>
 */
public final class JdbcTokenStore implements TokenStore {

    /** The table of revoked token ids and families when none is given. */
    public static final String DEFAULT_REVOKED_TABLE = "padlock_revoked_tokens";

    /** The table of refresh tokens when none is given. */
    public static final String DEFAULT_REFRESH_TABLE = "padlock_refresh_tokens";

    private final JdbcAccess revoked;

    private final JdbcAccess refresh;

    private final TransactionTemplate transaction;

    /** The insert of a revocation: a savepoint within a rotation, so that a duplicate key leaves the rotation intact. */
    private final TransactionTemplate nested;

    private final Clock clock;

    private final String isRevokedBoth;

    private final String isRevokedOne;

    private final String extend;

    private final String insertRevoked;

    private final String save;

    private final String find;

    private final String markUsed;

    private final String insertSuccessor;

    private final String findUsed;

    /**
     * The default tables, with a 2-second query timeout.
     * @param dataSource the database
     */
    public JdbcTokenStore(DataSource dataSource) {
        this(dataSource, DEFAULT_REVOKED_TABLE, DEFAULT_REFRESH_TABLE, JdbcAccess.DEFAULT_TIMEOUT);
    }

    /**
     * @param dataSource the database
     * @param revokedTable the table of revoked token ids and families: a plain SQL identifier, optionally qualified
     * @param refreshTable the table of refresh tokens, likewise
     * @param timeout the longest a statement may run, in whole seconds (rounded up)
     * @throws IllegalArgumentException when a table name is not a plain identifier or the timeout not positive
     */
    public JdbcTokenStore(DataSource dataSource, String revokedTable, String refreshTable, Duration timeout) {
        this(dataSource, revokedTable, refreshTable, timeout, Clock.systemUTC());
    }

    JdbcTokenStore(DataSource dataSource, String revokedTable, String refreshTable, Duration timeout, Clock clock) {
        this.revoked = new JdbcAccess(dataSource, revokedTable, timeout, "token revocations", JdbcTokenStore.class);
        this.refresh = new JdbcAccess(dataSource, refreshTable, timeout, "refresh tokens", JdbcTokenStore.class);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = Objects.requireNonNull(clock);
        String revokedName = this.revoked.table();
        String refreshName = this.refresh.table();
        this.isRevokedBoth = "SELECT COUNT(*) FROM " + revokedName + " WHERE id IN (?, ?) AND expires_at > ?";
        this.isRevokedOne = "SELECT COUNT(*) FROM " + revokedName + " WHERE id = ? AND expires_at > ?";
        this.extend = "UPDATE " + revokedName + " SET expires_at = ? WHERE id = ? AND expires_at < ?";
        this.insertRevoked = "INSERT INTO " + revokedName + " (id, expires_at) VALUES (?, ?)";
        this.save = "INSERT INTO " + refreshName
                + " (token_hash, family, username, scopes, used, expires_at) VALUES (?, ?, ?, ?, FALSE, ?)";
        String familyNotRevoked = " AND NOT EXISTS (SELECT 1 FROM " + revokedName
                + " v WHERE v.id = 'sid:' || r.family AND v.expires_at > ?)";
        this.find = "SELECT r.family, r.username, r.scopes, r.used FROM " + refreshName
                + " r WHERE r.token_hash = ? AND r.expires_at > ?" + familyNotRevoked;
        this.markUsed = "UPDATE " + refreshName + " r SET used = TRUE WHERE r.token_hash = ? AND r.family = ?"
                + " AND r.used = FALSE AND r.expires_at > ?" + familyNotRevoked;
        this.insertSuccessor = "INSERT INTO " + refreshName
                + " (token_hash, family, username, scopes, used, expires_at) SELECT ?, family, username, scopes, FALSE, ?"
                + " FROM " + refreshName + " WHERE token_hash = ?";
        this.findUsed = "SELECT COUNT(*) FROM " + refreshName + " r WHERE r.token_hash = ? AND r.family = ?"
                + " AND r.used = TRUE AND r.expires_at > ?" + familyNotRevoked;
    }

    @Override
    public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId) {
        if (tokenId == null && familyId == null) {
            return false;
        }
        OffsetDateTime now = now();
        long count = this.revoked.call(() -> {
            if (tokenId != null && familyId != null) {
                return this.revoked.sql(this.isRevokedBoth).param(tokenKey(tokenId)).param(familyKey(familyId))
                    .param(now).query(Long.class).single();
            }
            String key = (tokenId != null) ? tokenKey(tokenId) : familyKey(Objects.requireNonNull(familyId));
            return this.revoked.sql(this.isRevokedOne).param(key).param(now).query(Long.class).single();
        });
        return count > 0;
    }

    @Override
    public void revokeToken(String tokenId, Instant until) {
        revoke(tokenKey(tokenId), until);
    }

    @Override
    public void revokeFamily(String familyId, Instant until) {
        revoke(familyKey(familyId), until);
    }

    @Override
    public void saveRefreshToken(String hash, RefreshGrant grant, Instant expiresAt) {
        this.refresh.call(() -> this.refresh.sql(this.save).param(hash).param(grant.familyId())
            .param(grant.username()).param(ScopeTokens.join(grant.scopes())).param(timestamp(expiresAt)).update());
    }

    @Override
    public @Nullable StoredRefreshToken findRefreshToken(String hash) {
        OffsetDateTime now = now();
        return this.refresh.call(() -> this.refresh.sql(this.find).param(hash).param(now).param(now)
            .query((row, number) -> new StoredRefreshToken(new RefreshGrant(row.getString("username"),
                    JdbcAccess.scopes(row.getString("scopes")), row.getString("family")), row.getBoolean("used")))
            .optional()
            .orElse(null));
    }

    @Override
    public Rotation rotateRefreshToken(String hash, String familyId, String newHash, Instant newExpiresAt,
            Instant familyRevokedUntil) {
        OffsetDateTime now = now();
        return this.refresh.call(() -> Objects.requireNonNull(this.transaction.execute((status) -> {
            int marked = this.refresh.sql(this.markUsed).param(hash).param(familyId).param(now).param(now).update();
            if (marked == 1) {
                this.refresh.sql(this.insertSuccessor).param(newHash).param(timestamp(newExpiresAt)).param(hash)
                    .update();
                return Rotation.ROTATED;
            }
            long used = this.refresh.sql(this.findUsed).param(hash).param(familyId).param(now).param(now)
                .query(Long.class).single();
            if (used == 0) {
                return Rotation.REFUSED;
            }
            upsert(familyKey(familyId), timestamp(familyRevokedUntil));
            return Rotation.REUSED;
        })));
    }

    /**
     * Deletes the rows that no longer decide anything: revocations of tokens that expired since, refresh tokens past
     * their expiry.
     * @return how many rows were deleted
     * @throws StoreUnavailableException when the database does not answer
     */
    public int sweep() {
        OffsetDateTime now = now();
        int revocations = this.revoked.call(() -> this.revoked
            .sql("DELETE FROM " + this.revoked.table() + " WHERE expires_at <= ?").param(now).update());
        int refreshTokens = this.refresh.call(() -> this.refresh
            .sql("DELETE FROM " + this.refresh.table() + " WHERE expires_at <= ?").param(now).update());
        return revocations + refreshTokens;
    }

    private void revoke(String key, Instant until) {
        if (!until.isAfter(this.clock.instant())) {
            return;
        }
        OffsetDateTime expiresAt = timestamp(until);
        this.revoked.call(() -> {
            upsert(key, expiresAt);
            return null;
        });
    }

    /** Keeps the later of two revocations of one id; a concurrent insert of the same id is the other revocation. */
    private void upsert(String key, OffsetDateTime expiresAt) {
        if (this.revoked.sql(this.extend).param(expiresAt).param(key).param(expiresAt).update() > 0) {
            return;
        }
        try {
            this.nested.executeWithoutResult((status) -> this.revoked.sql(this.insertRevoked).param(key)
                .param(expiresAt).update());
        }
        catch (DuplicateKeyException ex) {
            this.revoked.sql(this.extend).param(expiresAt).param(key).param(expiresAt).update();
        }
    }

    private OffsetDateTime now() {
        return timestamp(this.clock.instant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String tokenKey(String tokenId) {
        return "jti:" + OpaqueTokens.storeKey(tokenId);
    }

    private static String familyKey(String familyId) {
        return "sid:" + OpaqueTokens.storeKey(familyId);
    }
}
