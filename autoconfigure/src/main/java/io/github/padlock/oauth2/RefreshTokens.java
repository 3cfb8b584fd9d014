package io.github.padlock.oauth2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.padlock.PadlockException;
import io.github.padlock.credentials.StoredUser;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.oauth2.TokenStore.RefreshGrant;
import io.github.padlock.oauth2.TokenStore.Rotation;
import io.github.padlock.oauth2.TokenStore.StoredRefreshToken;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Refresh tokens (RFC 6749 §6) with rotation and reuse detection (RFC 9700 §4.14.2), for the token endpoint
 * ({@code padlock.token-endpoint.refresh-tokens.enabled}) and the revocation endpoint:
 * <ul>
 * <li>a refresh token is opaque, 256 random bits in base64url, kept in the {@link TokenStore} only as its SHA-256,
 * bound to the user, the scopes of the password grant and a family (a login session) that the grant starts;</li>
 * <li>each use rotates it: the token is marked used, atomically (of two uses of one token exactly one wins), and a new
 * one of the same family and scopes, valid for the time to live from then, is answered with the new access token;</li>
 * <li>a used token presented again revokes its family: every refresh token of it, and every access token issued with
 * it (they carry the family in their {@code sid} claim) — one of the two holders is an attacker, and the server cannot
 * tell which;</li>
 * <li>the user is read again at each refresh: a deleted or disabled user revokes the family;</li>
 * <li>a refresh may narrow the scopes (never widen them: {@code invalid_scope}), and loses those the user no longer
 * holds.</li>
 * </ul>
 * A refused refresh token is {@code invalid_grant}, with one description whatever the reason. Neither a refresh token
 * nor its hash is logged.
 */
public final class RefreshTokens {

    private static final Log logger = LogFactory.getLog(RefreshTokens.class);

    private final TokenStore store;

    private final Duration timeToLive;

    private final Duration familyRevocation;

    private final Clock clock;

    /**
     * @param store where refresh tokens and revocations are kept
     * @param timeToLive how long a refresh token is valid after it is issued, at least a minute
     * @param accessTokenTtl how long the endpoint's access tokens live
     * @param clockSkew the tolerance on {@code exp} of the JWT decoder, which keeps an access token that long longer
     * @throws IllegalArgumentException when the time to live is shorter than a minute
     */
    public RefreshTokens(TokenStore store, Duration timeToLive, Duration accessTokenTtl, Duration clockSkew) {
        this(store, timeToLive, accessTokenTtl, clockSkew, Clock.systemUTC());
    }

    RefreshTokens(TokenStore store, Duration timeToLive, Duration accessTokenTtl, Duration clockSkew, Clock clock) {
        if (timeToLive.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("time-to-live: must be at least one minute");
        }
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.timeToLive = timeToLive;
        // A revoked family must outlive its last refresh token and its last access token, with the decoder's skew.
        this.familyRevocation = ((timeToLive.compareTo(accessTokenTtl) > 0) ? timeToLive : accessTokenTtl)
            .plus(clockSkew);
        this.clock = clock;
    }

    /** {@return how long a refresh token is valid after it is issued} */
    public Duration timeToLive() {
        return this.timeToLive;
    }

    /**
     * Starts a family for a password grant and keeps its first refresh token.
     * @param username the user
     * @param scopes the scopes granted
     * @return the refresh token and its family
     */
    Issued start(String username, List<String> scopes) {
        String familyId = OpaqueTokens.newFamilyId();
        String token = OpaqueTokens.newRefreshToken();
        this.store.saveRefreshToken(OpaqueTokens.hash(token), new RefreshGrant(username, scopes, familyId),
                this.clock.instant().plus(this.timeToLive));
        return new Issued(token, familyId, username, scopes);
    }

    /**
     * Rotates a presented refresh token.
     * @param presented the token as sent
     * @param requested the scopes asked for, empty for those of the original grant
     * @param users the users, read again
     * @return the new refresh token, its family, the user and the scopes to grant the access token
     * @throws PadlockException 400 {@code invalid_grant} or {@code invalid_scope}; 503 when a store does not answer
     */
    Issued refresh(String presented, List<String> requested, UserAuthenticator users) {
        String hash = OpaqueTokens.hash(presented);
        StoredRefreshToken stored = this.store.findRefreshToken(hash);
        if (stored == null) {
            throw invalidGrant();
        }
        RefreshGrant grant = stored.grant();
        if (stored.used()) {
            revokeReused(grant.familyId());
            throw invalidGrant();
        }
        List<String> scopes = requested.isEmpty() ? grant.scopes() : requested;
        if (!grant.scopes().containsAll(scopes)) {
            throw TokenErrors.error("invalid_scope", "The requested scope exceeds the scope of the refresh token");
        }
        StoredUser user = users.find(grant.username());
        if (user == null || user.disabled()) {
            this.store.revokeFamily(grant.familyId(), this.clock.instant().plus(this.familyRevocation));
            throw invalidGrant();
        }
        List<String> granted = scopes.stream().filter(user.scopes()::contains).toList();
        String next = OpaqueTokens.newRefreshToken();
        Instant now = this.clock.instant();
        Rotation rotation = this.store.rotateRefreshToken(hash, grant.familyId(), OpaqueTokens.hash(next),
                now.plus(this.timeToLive), now.plus(this.familyRevocation));
        if (rotation == Rotation.REUSED) {
            logReuse();
        }
        if (rotation != Rotation.ROTATED) {
            throw invalidGrant();
        }
        return new Issued(next, grant.familyId(), user.username(), granted);
    }

    /**
     * Revokes the family of a presented refresh token (RFC 7009 §2.1: revoking a refresh token revokes what was
     * issued with it).
     * @param presented the token as sent
     * @return whether it was a known refresh token
     */
    boolean revoke(String presented) {
        StoredRefreshToken stored = this.store.findRefreshToken(OpaqueTokens.hash(presented));
        if (stored == null) {
            return false;
        }
        this.store.revokeFamily(stored.grant().familyId(), this.clock.instant().plus(this.familyRevocation));
        return true;
    }

    private void revokeReused(String familyId) {
        this.store.revokeFamily(familyId, this.clock.instant().plus(this.familyRevocation));
        logReuse();
    }

    private static void logReuse() {
        logger.warn("A rotated refresh token was presented again: its family (every refresh token and access token "
                + "issued with it) is revoked (RFC 9700 section 4.14.2)");
    }

    private static PadlockException invalidGrant() {
        return TokenErrors.error("invalid_grant", TokenErrors.INVALID_REFRESH_TOKEN);
    }

    /**
     * A refresh token just issued.
     *
     * @param token the token, to answer once
     * @param familyId its family, the {@code sid} of the access token answered with it
     * @param username the user
     * @param scopes the scopes of the access token
     */
    record Issued(String token, String familyId, String username, List<String> scopes) {

        @Override
        public String toString() {
            return "Issued[token=******, familyId=" + this.familyId + ", username=" + this.username + ", scopes="
                    + this.scopes + "]";
        }
    }
}
