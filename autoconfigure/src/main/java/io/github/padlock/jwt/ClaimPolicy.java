package io.github.padlock.jwt;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link JwtSettings} asks of a token besides its signature: the {@code typ} header ({@link TokenType}),
 * {@code iss} and {@code aud} when configured ({@code aud} required with {@code public-key} or {@code jwk-set-uri}),
 * {@code exp} and {@code nbf} with the clock skew, a {@code sub}, and the claim that holds the scopes.
 * {@link JwtDecoder} checks them with the nimbus verifiers built here; {@link JwtIssuer} writes them.
 */
final class ClaimPolicy {

    static final String AUDIENCE = "audience";

    private final @Nullable String issuer;

    private final List<String> audience;

    private final Duration clockSkew;

    private final String scopeClaim;

    private final TokenType type;

    private ClaimPolicy(Builder builder, TokenType type) {
        this.type = type;
        this.issuer = builder.issuer;
        this.audience = List.copyOf(builder.audience);
        this.clockSkew = builder.clockSkew;
        this.scopeClaim = builder.scopeClaim;
    }

    @Nullable String issuer() {
        return this.issuer;
    }

    List<String> audience() {
        return this.audience;
    }

    Duration clockSkew() {
        return this.clockSkew;
    }

    String scopeClaim() {
        return this.scopeClaim;
    }

    /**
     * @return the {@code typ} that tokens must carry, and issued ones do
     */
    TokenType type() {
        return this.type;
    }

    /**
     * @param clock the clock {@code exp} and {@code nbf} are checked against
     * @return nimbus's verifier of {@code sub}, {@code exp}, {@code nbf}, and {@code iss} and {@code aud} when
     * configured
     */
    JWTClaimsSetVerifier<SecurityContext> claimsVerifier(Clock clock) {
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        Set<String> required = new HashSet<>(List.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME));
        if (this.issuer != null) {
            exact.issuer(this.issuer);
            required.add(JWTClaimNames.ISSUER);
        }
        Set<String> audiences = this.audience.isEmpty() ? null : new HashSet<>(this.audience);
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(audiences, exact.build(),
                required, null) {

            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew((int) this.clockSkew.toSeconds());
        return verifier;
    }

    @Override
    public String toString() {
        return "type=" + this.type.required() + ", issuer=" + this.issuer + ", audience=" + this.audience
                + ", clockSkew=" + this.clockSkew + ", scopeClaim=" + this.scopeClaim;
    }

    /**
     * The claim settings of a {@link JwtSettings.Builder}, which documents them.
     */
    static final class Builder {

        private @Nullable String issuer;

        private List<String> audience = List.of();

        private Duration clockSkew = Duration.ofSeconds(60);

        private String scopeClaim = "scope";

        private boolean audienceRequired = true;

        private @Nullable String type;

        void type(@Nullable String type) {
            this.type = type;
        }

        void issuer(@Nullable String issuer) {
            this.issuer = issuer;
        }

        void audience(Collection<String> audience) {
            this.audience = audience.stream().filter((value) -> !value.isBlank()).distinct().toList();
        }

        void audienceRequired(boolean audienceRequired) {
            this.audienceRequired = audienceRequired;
        }

        void clockSkew(Duration clockSkew) {
            this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew must not be null");
        }

        void scopeClaim(String scopeClaim) {
            this.scopeClaim = Objects.requireNonNull(scopeClaim, "scopeClaim must not be null");
        }

        /**
         * @param keys the keys the settings verify with
         * @return the policy
         * @throws IllegalArgumentException naming the setting when a value could not work or would be unsafe
         */
        ClaimPolicy build(VerificationKeys keys) {
            if (!List.of("scope", "scp").contains(this.scopeClaim)) {
                throw new IllegalArgumentException("scope-claim: must be scope or scp");
            }
            if (this.clockSkew.isNegative() || this.clockSkew.toSeconds() > Integer.MAX_VALUE
                    || this.clockSkew.getNano() != 0) {
                // Whole seconds: nimbus applies the skew in seconds, and would cut a fraction off without a word.
                throw new IllegalArgumentException(
                        "clock-skew: must be whole seconds, from 0 to " + Integer.MAX_VALUE);
            }
            TokenType type = TokenType.of(this.type);
            if (this.audience.isEmpty() && this.audienceRequired && !keys.isSecret()) {
                // A secret's tokens are this application's own; an issuer's keys also sign its other clients' tokens.
                throw new IllegalArgumentException(AUDIENCE + ": must be set with " + keys.source() + ", or an ID "
                        + "token the issuer signs for another client is accepted here as an access token (RFC 8725 "
                        + "§3.9): give the aud of this application's tokens, or set audience-required to false if "
                        + "every token these keys sign is meant for this application");
            }
            return new ClaimPolicy(this, type);
        }
    }
}
