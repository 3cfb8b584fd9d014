package io.github.padlock.jwt;

import io.github.padlock.PadlockException;
import org.jspecify.annotations.Nullable;

/**
 * The revocation list a {@link JwtDecoder} consults for every token it accepts, cached or not (RFC 7009): a token
 * whose {@code jti} (RFC 7519 §4.1.7) was revoked, or whose family ({@value #FAMILY_CLAIM}, the refresh-token family
 * it was issued from, RFC 9700 §4.14.2) was revoked, is refused as any other invalid token. Implementations make one
 * lookup per call (one round trip to a shared store), and keep each entry until the token it names expires.
 * <p>
 * Padlock's token endpoint provides it ({@code padlock.token-endpoint.store}); the {@code jwt} package only asks.
 */
@FunctionalInterface
public interface RevokedTokens {

    /**
     * The claim naming the refresh-token family an access token was issued from: OpenID Connect's session id
     * ({@code sid}), since a family is a login session.
     */
    String FAMILY_CLAIM = "sid";

    /**
     * @param tokenId the token's {@code jti}, or {@code null} when it has none
     * @param familyId the token's {@value #FAMILY_CLAIM}, or {@code null} when it has none
     * @return whether the token, or its family, was revoked and the revocation still holds
     * @throws PadlockException (503, {@code Retry-After}) when the list cannot be read: revocation fails closed, a
     * token is never accepted because the store did not answer
     */
    boolean isRevoked(@Nullable String tokenId, @Nullable String familyId);
}
