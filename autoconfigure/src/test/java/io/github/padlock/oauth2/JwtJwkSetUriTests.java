package io.github.padlock.oauth2;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.padlock.oauth2.JwtTestSupport.CountingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.padlock.oauth2.JwtTestSupport.assertInvalidToken;
import static io.github.padlock.oauth2.JwtTestSupport.claims;
import static io.github.padlock.oauth2.JwtTestSupport.eddsa;
import static io.github.padlock.oauth2.JwtTestSupport.rs256;
import static io.github.padlock.oauth2.JwtTestSupport.rsaSigner;
import static io.github.padlock.oauth2.JwtTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JwtVerifier} over a JWK Set served by a local HTTP server: fetched on first use, cached, fetched again for
 * a new {@code kid} (key rotation) within the rate limit, and an unreachable set answers 401 {@code invalid_token}.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwtJwkSetUriTests {

    private static final RSAKey FIRST = JwtTestSupport.rsa("2030-01");

    private static final RSAKey SECOND = JwtTestSupport.rsa("2030-02");

    private CountingServer server;

    private JwtVerifier verifier;

    @BeforeEach
    void start() throws IOException {
        this.server = new CountingServer();
        this.server.serve(new JWKSet(FIRST.toPublicJWK()).toString());
        this.verifier = new JwtVerifier(JwtSettings.builder().jwkSetUri(this.server.url("/jwks.json")).build());
    }

    @AfterEach
    void stop() {
        this.server.close();
    }

    @Test
    void verifyWhenJwkSetServedThenFetchedOnFirstTokenAndCached() {
        assertThat(this.server.requests()).as("not fetched at construction").isZero();
        assertThat(this.verifier.verify(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.verifier.verify(rs256(FIRST, claims().subject("janedoe").build())).subject())
            .isEqualTo("janedoe");
        assertThat(this.server.requests()).isOne();
    }

    @Test
    void verifyWhenKeyRotatedThenNewKidPickedUpWithoutRestart() {
        assertThat(this.verifier.verify(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        this.server.serve(new JWKSet(SECOND.toPublicJWK()).toString());
        assertThat(this.verifier.verify(rs256(SECOND, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.server.requests()).isEqualTo(2);
        assertThat(this.verifier.verify(rs256(SECOND, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.server.requests()).isEqualTo(2);
        String retired = rs256(FIRST, claims().build());
        assertInvalidToken(() -> this.verifier.verify(retired), retired);
    }

    @Test
    void verifyWhenUnknownKidsFloodThenFetchesAreRateLimited() {
        RSAKey attacker = JwtTestSupport.rsa(null);
        for (int i = 0; i < 20; i++) {
            String token = sign(rsaSigner(attacker), new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(UUID.randomUUID().toString()).build(), claims().build());
            assertInvalidToken(() -> this.verifier.verify(token), token);
        }
        assertThat(this.server.requests()).isLessThanOrEqualTo(2);
        assertThat(this.verifier.verify(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
    }

    @Test
    void verifyWhenJkuPointsAtAnotherServerThenOnlyTheConfiguredSetIsFetched() throws IOException {
        RSAKey attacker = JwtTestSupport.rsa("2030-01");
        try (CountingServer attackers = new CountingServer()) {
            attackers.serve(new JWKSet(attacker.toPublicJWK()).toString());
            String token = sign(rsaSigner(attacker), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("2030-01")
                .jwkURL(URI.create(attackers.url("/jwks.json")))
                .x509CertURL(URI.create(attackers.url("/cert.pem")))
                .jwk(attacker.toPublicJWK())
                .build(), claims().build());
            assertInvalidToken(() -> this.verifier.verify(token), token);
            assertThat(attackers.requests()).isZero();
        }
    }

    @Test
    void verifyWhenJwkSetUnreachableThenInvalidTokenAndOneWarnLine(CapturedOutput output) throws IOException {
        CountingServer gone = new CountingServer();
        String url = gone.url("/jwks.json");
        gone.close();
        JwtVerifier unreachable = new JwtVerifier(JwtSettings.builder().jwkSetUri(url).build());
        String token = rs256(FIRST, claims().build());
        assertInvalidToken(() -> unreachable.verify(token), token);
        assertThat(output.getAll().lines().filter((line) -> line.contains("WARN"))
            .filter((line) -> line.contains("Could not fetch the JWK Set from " + url))).hasSize(1);
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
    }

    @Test
    void verifyWhenJwkSetAnswersAnErrorOrGarbageThenInvalidTokenAndLogsNoCredentials(CapturedOutput output) {
        this.server.status(500);
        String token = rs256(FIRST, claims().build());
        JwtVerifier withCredentials = new JwtVerifier(JwtSettings.builder()
            .jwkSetUri(this.server.url("/jwks.json?access_token=s3cr3t-in-query").replace("http://",
                    "http://user:s3cr3t-password@"))
            .build());
        assertInvalidToken(() -> withCredentials.verify(token), token);
        this.server.status(200);
        this.server.serve("<html>not a JWK Set</html>");
        assertInvalidToken(() -> this.verifier.verify(token), token);
        assertThat(output.getAll()).contains("Could not fetch the JWK Set from " + this.server.url("/jwks.json"))
            .doesNotContain(token)
            .doesNotContain("s3cr3t");
    }

    @Test
    void verifyWhenJwkSetHoldsSeveralKeysThenKidChooses() {
        this.server.serve(new JWKSet(List.of(FIRST.toPublicJWK(), SECOND.toPublicJWK())).toString());
        assertThat(this.verifier.verify(rs256(SECOND, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.verifier.verify(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.server.requests()).isOne();
    }

    @Test
    void verifyWhenJwkSetHoldsEd25519KeysAndEdDsaIsAllowedThenKidChooses() {
        OctetKeyPair ed1 = JwtTestSupport.ed25519("ed-1");
        OctetKeyPair ed2 = JwtTestSupport.ed25519("ed-2");
        this.server.serve(new JWKSet(List.of(FIRST.toPublicJWK(), ed1.toPublicJWK(), ed2.toPublicJWK())).toString());
        JwtVerifier both = new JwtVerifier(JwtSettings.builder()
            .jwkSetUri(this.server.url("/jwks.json"))
            .algorithms(List.of("RS256", "EdDSA"))
            .build());
        assertThat(both.verify(eddsa(ed2, JWSAlgorithm.EdDSA, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(both.verify(eddsa(ed1, JWSAlgorithm.EdDSA, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(both.verify(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        String forged = eddsa(JwtTestSupport.ed25519("ed-1"), JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> both.verify(forged), forged);
        String edDsa = eddsa(ed1, JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> this.verifier.verify(edDsa), edDsa);
        assertThat(this.server.requests()).as("one fetch; an algorithm not allowed fetches nothing").isOne();
    }
}
