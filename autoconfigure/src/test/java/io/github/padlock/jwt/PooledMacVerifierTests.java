package io.github.padlock.jwt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static io.github.padlock.jwt.JwtTestSupport.claims;
import static io.github.padlock.jwt.JwtTestSupport.macSigner;
import static io.github.padlock.jwt.JwtTestSupport.rs256;
import static io.github.padlock.jwt.JwtTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PooledMacVerifier} answers as nimbus's {@link MACVerifier} does, token for token: valid, tampered, signed
 * with another key, with another algorithm, with a {@code crit} header, and from many threads at once.
 */
class PooledMacVerifierTests {

    private static final byte[] SECRET = "pooled-mac-secret-with-64-bytes-of-key-material-for-hs512-xxxxxx"
        .getBytes(StandardCharsets.UTF_8);

    private static final byte[] OTHER_SECRET = "another-secret-with-64-bytes-of-key-material-for-hs512-yyyyyyyyy"
        .getBytes(StandardCharsets.UTF_8);

    private final SecretKey key = new SecretKeySpec(SECRET, "HMAC");

    private final PooledMacVerifier pooled = new PooledMacVerifier(this.key);

    private final MACVerifier nimbus = nimbus(this.key);

    @Test
    void verifyWhenSignedWithTheKeyThenTrueForEachHmacAlgorithm() throws Exception {
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
            SignedJWT token = signed(SECRET, new JWSHeader(algorithm));
            assertThat(verify(this.pooled, token)).as(algorithm.getName()).isTrue();
            assertThat(verify(this.nimbus, token)).as(algorithm.getName()).isTrue();
        }
    }

    @Test
    void verifyWhenPayloadOrSignatureTamperedThenFalseAsNimbus() throws Exception {
        String[] parts = signed(SECRET, new JWSHeader(JWSAlgorithm.HS256)).serialize().split("\\.");
        String flipped = ((parts[2].charAt(0) == 'A') ? "B" : "A") + parts[2].substring(1);
        List<String> tampered = List.of(
                parts[0] + "." + JwtTestSupport.base64Url("{\"sub\":\"admin\"}") + "." + parts[2],
                parts[0] + "." + parts[1] + "." + flipped,
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20),
                parts[0] + "." + parts[1] + "." + parts[2] + parts[2]);
        for (String candidate : tampered) {
            SignedJWT token = SignedJWT.parse(candidate);
            assertThat(verify(this.pooled, token)).as(candidate).isFalse();
            assertThat(verify(this.nimbus, token)).as(candidate).isFalse();
        }
    }

    @Test
    void verifyWhenSignedWithAnotherKeyThenFalseAsNimbus() throws Exception {
        SignedJWT token = signed(OTHER_SECRET, new JWSHeader(JWSAlgorithm.HS256));
        assertThat(verify(this.pooled, token)).isFalse();
        assertThat(verify(this.nimbus, token)).isFalse();
    }

    @Test
    void verifyWhenAlgorithmIsNotHmacThenRefusedAsNimbus() throws Exception {
        SignedJWT token = SignedJWT.parse(rs256(JwtTestSupport.RSA, claims().build()));
        assertThatExceptionOfType(JOSEException.class).isThrownBy(() -> verify(this.pooled, token));
        assertThatExceptionOfType(JOSEException.class).isThrownBy(() -> verify(this.nimbus, token));
    }

    @Test
    void verifyWhenSecretTooShortForTheAlgorithmThenRefusedAsNimbus() throws Exception {
        SecretKey shortKey = new SecretKeySpec(JwtTestSupport.SECRET.getBytes(StandardCharsets.UTF_8), "HMAC");
        SignedJWT hs512 = signed(SECRET, new JWSHeader(JWSAlgorithm.HS512));
        PooledMacVerifier pooled = new PooledMacVerifier(shortKey);
        assertThat(pooled.supportedJWSAlgorithms()).containsExactlyInAnyOrder(JWSAlgorithm.HS256, JWSAlgorithm.HS384);
        assertThatExceptionOfType(JOSEException.class).isThrownBy(() -> verify(pooled, hs512));
        assertThatExceptionOfType(JOSEException.class).isThrownBy(() -> verify(nimbus(shortKey), hs512));
    }

    @Test
    void verifyWhenHeaderHasUnknownCriticalParameterThenFalseAsNimbus() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).criticalParams(Set.of("exp"))
            .customParam("exp", 1)
            .build();
        SignedJWT token = signed(SECRET, header);
        assertThat(verify(this.pooled, token)).isFalse();
        assertThat(verify(this.nimbus, token)).isFalse();
        assertThat(this.pooled.getDeferredCriticalHeaderParams()).isEmpty();
    }

    @Test
    void verifyWhenManyThreadsAtOnceThenEachAnswersForItsOwnToken() throws Exception {
        List<SignedJWT> good = new ArrayList<>();
        List<SignedJWT> bad = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            good.add(signed(SECRET, new JWSHeader(JWSAlgorithm.HS256)));
            bad.add(signed(OTHER_SECRET, new JWSHeader(JWSAlgorithm.HS256)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int round = 0; round < 2_000; round++) {
                int i = round % 8;
                boolean expected = round % 3 != 0;
                SignedJWT token = expected ? good.get(i) : bad.get(i);
                answers.add(threads.submit(() -> verify(this.pooled, token) == expected));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static boolean verify(JWSVerifier verifier, SignedJWT token) throws JOSEException {
        return verifier.verify(token.getHeader(), token.getSigningInput(), token.getSignature());
    }

    private static SignedJWT signed(byte[] secret, JWSHeader header) throws Exception {
        return SignedJWT.parse(sign(macSigner(secret), header, claims().jwtID(UUID.randomUUID().toString())
            .build()));
    }

    private static MACVerifier nimbus(SecretKey key) {
        try {
            return new MACVerifier(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
