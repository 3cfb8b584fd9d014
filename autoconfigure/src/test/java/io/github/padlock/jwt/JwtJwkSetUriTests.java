package io.github.padlock.jwt;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.padlock.jwt.JwtTestSupport.CountingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static io.github.padlock.jwt.JwtTestSupport.assertInvalidToken;
import static io.github.padlock.jwt.JwtTestSupport.claims;
import static io.github.padlock.jwt.JwtTestSupport.eddsa;
import static io.github.padlock.jwt.JwtTestSupport.rs256;
import static io.github.padlock.jwt.JwtTestSupport.rsaSigner;
import static io.github.padlock.jwt.JwtTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JwtDecoder} over a JWK Set served by a local HTTP server: fetched on first use, cached, fetched again for
 * a new {@code kid} (key rotation) within the rate limit, and an unreachable set answers 401 {@code invalid_token}.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwtJwkSetUriTests {

    private static final RSAKey FIRST = JwtTestSupport.rsa("2030-01");

    private static final RSAKey SECOND = JwtTestSupport.rsa("2030-02");

    private CountingServer server;

    private JwtDecoder decoder;

    @BeforeEach
    void start() throws IOException {
        this.server = new CountingServer();
        this.server.serve(new JWKSet(FIRST.toPublicJWK()).toString());
        this.decoder = new JwtDecoder(anyAudience().jwkSetUri(this.server.url("/jwks.json")).build());
    }

    @AfterEach
    void stop() {
        this.server.close();
    }

    @Test
    void decodeWhenJwkSetServedThenFetchedOnFirstTokenAndCached() {
        assertThat(this.server.requests()).as("not fetched at construction").isZero();
        assertThat(this.decoder.decode(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.decoder.decode(rs256(FIRST, claims().subject("janedoe").build())).subject())
            .isEqualTo("janedoe");
        assertThat(this.server.requests()).isOne();
    }

    @Test
    void decodeWhenKeyRotatedThenNewKidPickedUpWithoutRestart() {
        assertThat(this.decoder.decode(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        this.server.serve(new JWKSet(SECOND.toPublicJWK()).toString());
        assertThat(this.decoder.decode(rs256(SECOND, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.server.requests()).isEqualTo(2);
        assertThat(this.decoder.decode(rs256(SECOND, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.server.requests()).isEqualTo(2);
        String retired = rs256(FIRST, claims().build());
        assertInvalidToken(() -> this.decoder.decode(retired), retired);
    }

    @Test
    void decodeWhenUnknownKidsFloodThenFetchesAreRateLimited() {
        RSAKey attacker = JwtTestSupport.rsa(null);
        for (int i = 0; i < 20; i++) {
            String token = sign(rsaSigner(attacker), new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(UUID.randomUUID().toString()).build(), claims().build());
            assertInvalidToken(() -> this.decoder.decode(token), token);
        }
        assertThat(this.server.requests()).isLessThanOrEqualTo(2);
        assertThat(this.decoder.decode(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
    }

    @Test
    void decodeWhenJkuPointsAtAnotherServerThenOnlyTheConfiguredSetIsFetched() throws IOException {
        RSAKey attacker = JwtTestSupport.rsa("2030-01");
        try (CountingServer attackers = new CountingServer()) {
            attackers.serve(new JWKSet(attacker.toPublicJWK()).toString());
            String token = sign(rsaSigner(attacker), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("2030-01")
                .jwkURL(URI.create(attackers.url("/jwks.json")))
                .x509CertURL(URI.create(attackers.url("/cert.pem")))
                .jwk(attacker.toPublicJWK())
                .build(), claims().build());
            assertInvalidToken(() -> this.decoder.decode(token), token);
            assertThat(attackers.requests()).isZero();
        }
    }

    @Test
    void decodeWhenJwkSetUnreachableThenInvalidTokenAndOneWarnLine(CapturedOutput output) throws IOException {
        CountingServer gone = new CountingServer();
        String url = gone.url("/jwks.json");
        gone.close();
        JwtDecoder unreachable = new JwtDecoder(anyAudience().jwkSetUri(url).build());
        String token = rs256(FIRST, claims().build());
        assertInvalidToken(() -> unreachable.decode(token), token);
        assertThat(output.getAll().lines().filter((line) -> line.contains("WARN"))
            .filter((line) -> line.contains("Could not fetch the JWK Set from " + url))).hasSize(1);
        assertThat(output.getAll()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
    }

    @Test
    void decodeWhenJwkSetAnswersAnErrorOrGarbageThenInvalidTokenAndLogsNoCredentials(CapturedOutput output) {
        this.server.status(500);
        String token = rs256(FIRST, claims().build());
        JwtDecoder withCredentials = new JwtDecoder(anyAudience()
            .jwkSetUri(this.server.url("/jwks.json?access_token=s3cr3t-in-query").replace("http://",
                    "http://user:s3cr3t-password@"))
            .build());
        assertInvalidToken(() -> withCredentials.decode(token), token);
        this.server.status(200);
        this.server.serve("<html>not a JWK Set</html>");
        assertInvalidToken(() -> this.decoder.decode(token), token);
        assertThat(output.getAll()).contains("Could not fetch the JWK Set from " + this.server.url("/jwks.json"))
            .doesNotContain(token)
            .doesNotContain("s3cr3t");
    }

    @Test
    void decodeWhenJwkSetHoldsSeveralKeysThenKidChooses() {
        this.server.serve(new JWKSet(List.of(FIRST.toPublicJWK(), SECOND.toPublicJWK())).toString());
        assertThat(this.decoder.decode(rs256(SECOND, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.decoder.decode(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(this.server.requests()).isOne();
    }

    @Test
    void decodeWhenJwkSetHoldsEd25519KeysAndEdDsaIsAllowedThenKidChooses() {
        OctetKeyPair ed1 = JwtTestSupport.ed25519("ed-1");
        OctetKeyPair ed2 = JwtTestSupport.ed25519("ed-2");
        this.server.serve(new JWKSet(List.of(FIRST.toPublicJWK(), ed1.toPublicJWK(), ed2.toPublicJWK())).toString());
        JwtDecoder both = new JwtDecoder(anyAudience()
            .jwkSetUri(this.server.url("/jwks.json"))
            .algorithms(List.of("RS256", "EdDSA"))
            .build());
        assertThat(both.decode(eddsa(ed2, JWSAlgorithm.EdDSA, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(both.decode(eddsa(ed1, JWSAlgorithm.EdDSA, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(both.decode(rs256(FIRST, claims().build())).subject()).isEqualTo("johndoe");
        String forged = eddsa(JwtTestSupport.ed25519("ed-1"), JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> both.decode(forged), forged);
        String edDsa = eddsa(ed1, JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> this.decoder.decode(edDsa), edDsa);
        assertThat(this.server.requests()).as("one fetch; an algorithm not allowed fetches nothing").isOne();
    }
}
