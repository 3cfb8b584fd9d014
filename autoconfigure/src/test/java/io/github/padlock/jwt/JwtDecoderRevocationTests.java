package io.github.padlock.jwt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.padlock.BearerTokenErrors;
import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link JwtDecoder} with a {@link RevokedTokens} list: every accepted token is looked up once, after the cache, by
 * its {@code jti} and {@code sid}; a revoked one is the same 401 as any invalid token; a list that cannot be read
 * refuses the token with its own 503, never accepts it; a refused token is never looked up.
 */
class JwtDecoderRevocationTests {

    private final JwtSettings settings = JwtSettings.builder().secret(JwtTestSupport.SECRET).build();

    private final JwtIssuer issuer = new JwtIssuer(this.settings);

    private final Revocations revocations = new Revocations();

    private final JwtDecoder decoder = new JwtDecoder(this.settings, JwtCacheSettings.defaults(), this.revocations);

    @Test
    void decodeWhenRevokedAfterACacheHitThenRefusedAsAnyInvalidToken() {
        String token = this.issuer.issue("stanley", List.of("items:read"), Duration.ofMinutes(5)).value();
        JwtPrincipal principal = this.decoder.decode(token);
        assertThat(this.decoder.decode(token)).isSameAs(principal);
        String jti = (String) principal.claims().get("jti");
        assertThat(this.revocations.asked).containsExactly(jti + " null", jti + " null");
        this.revocations.tokens.add(jti);
        NotAuthenticatedException refused = catchThrowableOfType(NotAuthenticatedException.class,
                () -> this.decoder.decode(token));
        NotAuthenticatedException invalid = BearerTokenErrors.invalidToken();
        assertThat(refused.getBody().getDetail()).isEqualTo(invalid.getBody().getDetail());
        assertThat(refused.getHeaders()).isEqualTo(invalid.getHeaders());
        assertThat(refused.outcome()).isEqualTo(invalid.outcome());
    }

    @Test
    void decodeWhenFamilyRevokedThenEveryTokenOfItRefused() {
        String first = this.issuer.issue("stanley", List.of(), Duration.ofMinutes(5), Map.of("sid", "family-1"))
            .value();
        String second = this.issuer.issue("stanley", List.of(), Duration.ofMinutes(5), Map.of("sid", "family-1"))
            .value();
        String other = this.issuer.issue("stanley", List.of(), Duration.ofMinutes(5), Map.of("sid", "family-2"))
            .value();
        this.decoder.decode(first);
        this.revocations.families.add("family-1");
        assertThatExceptionOfType(NotAuthenticatedException.class).isThrownBy(() -> this.decoder.decode(first));
        assertThatExceptionOfType(NotAuthenticatedException.class).isThrownBy(() -> this.decoder.decode(second));
        assertThat(this.decoder.decode(other).subject()).isEqualTo("stanley");
    }

    @Test
    void decodeWhenListCannotBeReadThenItsRefusalNeverTheToken() {
        String token = this.issuer.issue("stanley", List.of(), Duration.ofMinutes(5)).value();
        this.decoder.decode(token);
        this.revocations.down = true;
        PadlockException unavailable = catchThrowableOfType(PadlockException.class, () -> this.decoder.decode(token));
        assertThat(unavailable.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(unavailable.outcome()).isEqualTo(SecurityOutcome.UNAVAILABLE);
        this.revocations.down = false;
        assertThat(this.decoder.decode(token).subject()).as("back without a restart").isEqualTo("stanley");
    }

    @Test
    void decodeWhenTokenRefusedThenNoLookupAndWithoutCacheEveryTokenLookedUp() {
        String token = this.issuer.issue("stanley", List.of(), Duration.ofMinutes(5)).value();
        assertThatExceptionOfType(NotAuthenticatedException.class)
            .isThrownBy(() -> this.decoder.decode(token.substring(0, token.length() - 2) + "xx"));
        assertThat(this.revocations.asked).isEmpty();
        JwtDecoder uncached = new JwtDecoder(this.settings, null, this.revocations);
        assertThat(uncached.decode(token).subject()).isEqualTo("stanley");
        assertThat(this.revocations.asked).hasSize(1);
    }

    @Test
    void issueWhenTokensIssuedThenEachCarriesItsOwnRandomJti() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 1000; i++) {
            JwtPrincipal principal = this.decoder.decode(this.issuer.issue("stanley", List.of(), Duration.ofMinutes(5))
                .value());
            String jti = (String) principal.claims().get("jti");
            assertThat(jti).matches("[A-Za-z0-9_-]{22}");
            ids.add(jti);
        }
        assertThat(ids).hasSize(1000);
    }

    /** A revocation list in a set, which counts what it is asked and can be made unreadable. */
    private static final class Revocations implements RevokedTokens {

        final Set<String> tokens = ConcurrentHashMap.newKeySet();

        final Set<String> families = ConcurrentHashMap.newKeySet();

        final List<String> asked = new ArrayList<>();

        volatile boolean down;

        @Override
        public boolean isRevoked(@Nullable String tokenId, @Nullable String familyId) {
            if (this.down) {
                throw new PadlockException(HttpStatus.SERVICE_UNAVAILABLE, "retry later", List.of(),
                        SecurityOutcome.UNAVAILABLE);
            }
            this.asked.add(tokenId + " " + familyId);
            return (tokenId != null && this.tokens.contains(tokenId))
                    || (familyId != null && this.families.contains(familyId));
        }
    }
}
