package io.github.padlock.jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static io.github.padlock.jwt.JwtTestSupport.RSA;
import static io.github.padlock.jwt.JwtTestSupport.SECRET;
import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static io.github.padlock.jwt.JwtTestSupport.privatePem;
import static io.github.padlock.jwt.JwtTestSupport.publicPem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link JwtIssuer}: tokens it issues verify with a {@link JwtDecoder} built from the same settings.
 */
class JwtIssuerTests {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00.750Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void issueWhenSecretThenHs256TokenWithEveryClaimThatVerifies() throws Exception {
        JwtSettings settings = JwtSettings.builder()
            .secret(SECRET)
            .issuer("https://store.example")
            .audience(List.of("store-api"))
            .build();
        IssuedToken token = new JwtIssuer(settings, CLOCK).issue("johndoe", List.of("items:read", "me"),
                Duration.ofMinutes(30));
        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isNull();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("johndoe");
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(jwt.getJWTClaimsSet().getNotBeforeTime().toInstant()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo("2030-01-01T00:30:00Z");
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://store.example");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("store-api");
        assertThat(jwt.getJWTClaimsSet().getClaim("scope")).isEqualTo("items:read me");
        assertThat(token.expiresAt()).isEqualTo("2030-01-01T00:30:00Z");
        assertThat(token.scopes()).containsExactly("items:read", "me");

        JwtPrincipal principal = new JwtDecoder(settings, CLOCK).decode(token.value());
        assertThat(principal.subject()).isEqualTo("johndoe");
        assertThat(principal.scopes()).containsExactly("items:read", "me");
        assertThat(principal.claims()).containsEntry("iss", "https://store.example");
    }

    @Test
    void issueWhenRsaPrivateKeyPemThenRs256RoundTrip() throws Exception {
        JwtSettings settings = anyAudience().publicKey(publicPem(RSA)).privateKey(privatePem(RSA)).build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of(), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(SignedJWT.parse(token.value()).getJWTClaimsSet().getClaims()).doesNotContainKey("scope");
        assertThat(new JwtDecoder(settings).decode(token.value()).scopes()).isEmpty();
    }

    @Test
    void issueWhenEcPrivateJwkWithKeyIdThenEs384WithKidRoundTrip() throws Exception {
        ECKey key = JwtTestSupport.ec(Curve.P_384, "2030-01");
        JwtSettings settings = anyAudience()
            .publicKey(new JWKSet(List.of(JwtTestSupport.ec(Curve.P_384, "2029-12").toPublicJWK(),
                    key.toPublicJWK())).toString())
            .privateKey(key.toJSONString())
            .build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of("me"), Duration.ofMinutes(5));
        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("2030-01");
        assertThat(new JwtDecoder(settings).decode(token.value()).scopes()).containsExactly("me");
    }

    @Test
    void issueWhenEcPrivateKeyPemThenEs256RoundTrip() throws Exception {
        ECKey key = JwtTestSupport.EC;
        JwtSettings settings = anyAudience()
            .publicKey(JwtTestSupport.pem("PUBLIC KEY", key.toPublicKey()))
            .privateKey(JwtTestSupport.pem("PRIVATE KEY", key.toPrivateKey()))
            .build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of("me"), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(new JwtDecoder(settings).decode(token.value()).subject()).isEqualTo("johndoe");
    }

    @Test
    void issueWhenJwkSetUriAndPrivateKeyThenSignsWithThePrivateKey() throws Exception {
        JwtSettings settings = anyAudience()
            .jwkSetUri("https://issuer.example/.well-known/jwks.json")
            .privateKey(privatePem(RSA))
            .build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of(), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(new JwtDecoder(anyAudience().publicKey(publicPem(RSA)).build()).decode(token.value())
            .subject()).isEqualTo("johndoe");
    }

    @Test
    void issueWhenAlgorithmsListedThenFirstThatFitsTheKeySigns() throws Exception {
        JwtSettings settings = anyAudience()
            .publicKey(publicPem(RSA))
            .privateKey(privatePem(RSA))
            .algorithms(List.of("PS512", "RS256"))
            .build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of(), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS512);
        assertThat(new JwtDecoder(settings).decode(token.value()).subject()).isEqualTo("johndoe");
        JwtSettings hs512 = JwtSettings.builder().secret(SECRET + "-long-enough-for-hs512").algorithms(List.of("HS512"))
            .build();
        assertThat(SignedJWT.parse(new JwtIssuer(hs512).issue("johndoe", List.of(), Duration.ofMinutes(5)).value())
            .getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS512);
    }

    @Test
    void issueWhenScpClaimThenJsonArrayThatVerifies() throws Exception {
        JwtSettings settings = JwtSettings.builder().secret(SECRET).scopeClaim("scp").build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of("items:read", "me"),
                Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getJWTClaimsSet().getStringListClaim("scp"))
            .containsExactly("items:read", "me");
        assertThat(new JwtDecoder(settings).decode(token.value()).scopes()).containsExactly("items:read", "me");
    }

    @Test
    void issueWhenClaimsThenTheyVerifyBesideTheIssuersOwn() {
        JwtSettings settings = JwtSettings.builder().secret(SECRET).issuer("store").build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of("me"), Duration.ofMinutes(5),
                Map.of("name", "John Doe", "tenant", 7));
        JwtPrincipal principal = new JwtDecoder(settings).decode(token.value());
        assertThat(principal.claims()).containsEntry("name", "John Doe").containsEntry("iss", "store");
        assertThat(((Number) principal.claims().get("tenant")).intValue()).isEqualTo(7);
        assertThat(principal.scopes()).containsExactly("me");
    }

    @Test
    void issueWhenClaimsHoldOneTheIssuerSetsThenRefused() {
        JwtIssuer issuer = new JwtIssuer(JwtSettings.builder().secret(SECRET).build());
        for (String claim : List.of("sub", "exp", "iss", "aud", "scope")) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> issuer.issue("johndoe", List.of(), Duration.ofMinutes(5), Map.of(claim, "x")))
                .withMessageContaining("'" + claim + "'");
        }
    }

    @Test
    void issueWhenCalledTwiceThenDistinctJwtIds() throws Exception {
        JwtIssuer issuer = new JwtIssuer(JwtSettings.builder().secret(SECRET).build(), CLOCK);
        String first = SignedJWT.parse(issuer.issue("johndoe", List.of(), Duration.ofMinutes(5)).value())
            .getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(issuer.issue("johndoe", List.of(), Duration.ofMinutes(5)).value())
            .getJWTClaimsSet().getJWTID();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void issueWhenExpiredByTheVerifiersClockThenRefused() {
        JwtSettings settings = JwtSettings.builder().secret(SECRET).build();
        IssuedToken token = new JwtIssuer(settings, CLOCK).issue("johndoe", List.of(), Duration.ofMinutes(5));
        JwtDecoder later = new JwtDecoder(settings, Clock.fixed(NOW.plus(Duration.ofMinutes(7)), ZoneOffset.UTC));
        JwtTestSupport.assertInvalidToken(() -> later.decode(token.value()), token.value());
    }

    @Test
    void constructWhenNoSigningKeyThenIllegalArgumentNamingPrivateKey() {
        for (JwtSettings settings : List.of(anyAudience().publicKey(publicPem(RSA)).build(),
                anyAudience().jwkSetUri("https://issuer.example/jwks").build())) {
            assertThatIllegalArgumentException().isThrownBy(() -> new JwtIssuer(settings))
                .withMessageStartingWith("private-key: ");
        }
    }

    @Test
    void issueWhenBadArgumentsThenIllegalArgument() {
        JwtIssuer issuer = new JwtIssuer(JwtSettings.builder().secret(SECRET).build());
        for (String subject : List.of(" ", "john\ndoe", "john\u0000doe", "john\u0085doe", "john\ud800doe")) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> issuer.issue(subject, List.of(), Duration.ofMinutes(5)));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> issuer.issue("johndoe", List.of(), Duration.ZERO));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> issuer.issue("johndoe", List.of(), Duration.ofMinutes(-5)));
        assertThatIllegalArgumentException() // past the year 9999, which no decoder accepts
            .isThrownBy(() -> issuer.issue("johndoe", List.of(), Duration.ofDays(8_000 * 366L)))
            .withMessageContaining("9999");
        for (String scope : List.of("items read", "", "quote\"", "back\\slash", "caf\u00e9")) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> issuer.issue("johndoe", List.of(scope), Duration.ofMinutes(5)));
        }
    }

    @Test
    void issuedTokenToStringMasksTheValue() {
        IssuedToken token = new JwtIssuer(JwtSettings.builder().secret(SECRET).build(), CLOCK).issue("johndoe",
                List.of("me"), Duration.ofMinutes(5));
        assertThat(token.toString()).doesNotContain(token.value())
            .isEqualTo("IssuedToken[value=******, expiresAt=2030-01-01T00:05:00Z, scopes=[me]]");
    }

    @Test
    void issueWhenRsaKeyWithKidThenHeaderCarriesIt() throws Exception {
        RSAKey key = JwtTestSupport.rsa("rsa-1");
        JwtSettings settings = anyAudience()
            .publicKey(key.toPublicJWK().toJSONString())
            .privateKey(key.toJSONString())
            .build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of(), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getHeader().getKeyID()).isEqualTo("rsa-1");
        assertThat(new JwtDecoder(settings).decode(token.value()).subject()).isEqualTo("johndoe");
    }

    @Test
    void issueWhenEd25519PrivateKeyPemThenEdDsaRoundTripThatTheJdkAlsoVerifies() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        JwtSettings settings = anyAudience()
            .publicKey(JwtTestSupport.pem("PUBLIC KEY", key.getPublic()))
            .privateKey(JwtTestSupport.pem("PRIVATE KEY", key.getPrivate()))
            .build();
        assertThat(settings.algorithms()).containsExactly("EdDSA");
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of("me"), Duration.ofMinutes(5));
        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jwt.getHeader().getKeyID()).isNull();
        assertThat(JwtTestSupport.verifiedByTheJdk(key.getPublic(), token.value())).isTrue();
        JwtPrincipal principal = new JwtDecoder(settings).decode(token.value());
        assertThat(principal.subject()).isEqualTo("johndoe");
        assertThat(principal.scopes()).containsExactly("me");
    }

    @Test
    void issueWhenEd25519PrivateJwkWithKeyIdThenEdDsaWithKidThatAJwkSetVerifies() throws Exception {
        OctetKeyPair key = JwtTestSupport.ed25519("ed-2030-01");
        JwtSettings settings = anyAudience()
            .publicKey(new JWKSet(List.of(JwtTestSupport.ed25519("ed-2029-12").toPublicJWK(), key.toPublicJWK()))
                .toString())
            .privateKey(key.toJSONString())
            .build();
        IssuedToken token = new JwtIssuer(settings, CLOCK).issue("johndoe", List.of(), Duration.ofMinutes(5));
        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("ed-2030-01");
        assertThat(JwtTestSupport.verifiedByTheJdk(Ed25519Keys.javaKey(key), token.value())).isTrue();
        assertThat(new JwtDecoder(settings, CLOCK).decode(token.value()).subject()).isEqualTo("johndoe");
    }

    @Test
    void issueWhenJwkSetUriAndEd25519PrivateKeyThenEdDsaThatThePublicKeyVerifies() throws Exception {
        OctetKeyPair key = JwtTestSupport.ed25519(null);
        JwtSettings settings = anyAudience()
            .jwkSetUri("https://issuer.example/.well-known/jwks.json")
            .privateKey(key.toJSONString())
            .build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of(), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(new JwtDecoder(anyAudience().publicKey(key.toPublicJWK().toJSONString()).build())
            .decode(token.value()).subject()).isEqualTo("johndoe");
    }

    @Test
    void issueWhenEd25519AlgorithmListedFirstThenRfc9864Ed25519() throws Exception {
        OctetKeyPair key = JwtTestSupport.ed25519(null);
        JwtSettings settings = anyAudience()
            .publicKey(key.toPublicJWK().toJSONString())
            .privateKey(key.toJSONString())
            .algorithms(List.of("Ed25519", "EdDSA"))
            .build();
        IssuedToken token = new JwtIssuer(settings).issue("johndoe", List.of(), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token.value()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.Ed25519);
        assertThat(new JwtDecoder(settings).decode(token.value()).subject()).isEqualTo("johndoe");
    }
}
