package io.github.padlock.oauth2;

import java.time.Instant;
import java.util.List;

import io.github.padlock.PadlockException;
import io.github.padlock.jwt.RevokedTokens;
import org.jspecify.annotations.Nullable;

/**
 * Where the token endpoint keeps what outlives a request: the revoked access tokens (RFC 7009), by {@code jti}, and
 * the revoked refresh-token families, each until the last token it names expires; and the refresh tokens (RFC 6749
 * §6), by the SHA-256 of the token alone, never the token. Padlock ships one in memory (one instance), one on JDBC and
 * one on Redis ({@code padlock.token-endpoint.store}).
 * <p>
 * A refresh token belongs to a family: the one a password grant started, carried on by every rotation. A family is
 * revoked as a whole (RFC 9700 §4.14.2): its refresh tokens are refused, and so are the access tokens that name it in
 * their {@value RevokedTokens#FAMILY_CLAIM} claim ({@link #isRevoked}).
 * <p>
 * Every method throws a {@link PadlockException} 503 with {@code Retry-After}
 * ({@code io.github.padlock.credentials.StoreUnavailableException}) when the store does not answer in time: the
 * token endpoint, the revocation endpoint and every JWT request that needs it are then refused, never let through.
 */
public interface TokenStore extends RevokedTokens {

    /**
     * Revokes an access token (RFC 7009 §2.1).
     * @param tokenId its {@code jti}
     * @param until when the token would be refused anyway: its {@code exp} plus the clock skew
     */
    void revokeToken(String tokenId, Instant until);

    /**
     * Revokes a refresh-token family: its refresh tokens, and the access tokens issued with them.
     * @param familyId the family
     * @param until when the last of its tokens would be refused anyway
     */
    void revokeFamily(String familyId, Instant until);

    /**
     * Keeps a new refresh token.
     * @param hash the token's SHA-256, base64url
     * @param grant what it grants
     * @param expiresAt when it expires
     */
    void saveRefreshToken(String hash, RefreshGrant grant, Instant expiresAt);

    /**
     * @param hash a presented token's SHA-256, base64url
     * @return what the token grants and whether it was used, or {@code null} when it is unknown, expired or of a
     * revoked family
     */
    @Nullable StoredRefreshToken findRefreshToken(String hash);

    /**
     * Rotates a refresh token, atomically, so that of two uses of one token exactly one wins: when the token is known,
     * unexpired, of {@code familyId}, unused and of a family that is not revoked, it is marked used and a new token of
     * the same grant is kept ({@link Rotation#ROTATED}); when it was used already, its family is revoked until
     * {@code familyRevokedUntil} ({@link Rotation#REUSED}, RFC 9700 §4.14.2); otherwise nothing changes
     * ({@link Rotation#REFUSED}).
     * @param hash the presented token's SHA-256, base64url
     * @param familyId the family {@link #findRefreshToken} gave for it
     * @param newHash the new token's SHA-256, base64url
     * @param newExpiresAt when the new token expires
     * @param familyRevokedUntil how long a revocation of the family holds
     * @return what happened
     */
    Rotation rotateRefreshToken(String hash, String familyId, String newHash, Instant newExpiresAt,
            Instant familyRevokedUntil);

    /**
     * What a refresh token grants: the user, the scopes of the original grant and the family.
     *
     * @param username the user it was issued to
     * @param scopes the scopes of the original grant, which no refresh may exceed (RFC 6749 §6)
     * @param familyId the family
     */
    record RefreshGrant(String username, List<String> scopes, String familyId) {

        /**
         * Copies the scopes.
         *
         * @param username the user it was issued to
         * @param scopes the scopes of the original grant
         * @param familyId the family
         */
        public RefreshGrant {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * A refresh token as stored.
     *
     * @param grant what it grants
     * @param used whether it was rotated already
     */
    record StoredRefreshToken(RefreshGrant grant, boolean used) {
    }

    /** What a rotation did. */
    enum Rotation {

        /** The token was marked used and its successor kept. */
        ROTATED,
        /** The token had been used already: its family is revoked. */
        REUSED,
        /** The token is unknown, expired, of another family or of a revoked family: nothing changed. */
        REFUSED

    }
}
