package io.github.padlock.jwt;

import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import org.junit.jupiter.api.Test;

import static io.github.padlock.jwt.JwtTestSupport.RSA;
import static io.github.padlock.jwt.JwtTestSupport.SECRET;
import static io.github.padlock.jwt.JwtTestSupport.assertInvalidToken;
import static io.github.padlock.jwt.JwtTestSupport.claims;
import static io.github.padlock.jwt.JwtTestSupport.hs256;
import static io.github.padlock.jwt.JwtTestSupport.macSigner;
import static io.github.padlock.jwt.JwtTestSupport.rs256;
import static io.github.padlock.jwt.JwtTestSupport.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers {@link SignedTokenProcessor} keeps: only a verified token's, bounded, and never a reason to accept a
 * token that a fresh parse would refuse.
 */
class SignedTokenProcessorTests {

    private final JwtDecoder decoder = new JwtDecoder(JwtSettings.builder().secret(SECRET).build());

    @Test
    void processWhenTokenVerifiedThenItsHeaderIsKeptAndReusedForTheNextToken() {
        assertThat(this.decoder.processor().knownHeaders()).isZero();
        this.decoder.decode(hs256(claims().build()));
        assertThat(this.decoder.processor().knownHeaders()).isOne();
        JwtPrincipal second = this.decoder.decode(hs256(claims().subject("another").build()));
        assertThat(second.subject()).isEqualTo("another");
        assertThat(this.decoder.processor().knownHeaders()).isOne();
    }

    @Test
    void processWhenSignatureWrongThenHeaderNotKeptAndKnownHeaderDoesNotHelpAForgery() {
        byte[] otherSecret = (SECRET + "!").getBytes(StandardCharsets.UTF_8);
        String forged = sign(macSigner(otherSecret), new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("forged").build(),
                claims().build());
        assertInvalidToken(() -> this.decoder.decode(forged), forged);
        assertThat(this.decoder.processor().knownHeaders()).isZero();
        this.decoder.decode(hs256(claims().build()));
        // The same header as the verified token's, signed with another secret.
        String sameHeaderForged = sign(macSigner(otherSecret), new JWSHeader(JWSAlgorithm.HS256), claims().build());
        assertThat(sameHeaderForged.substring(0, sameHeaderForged.indexOf('.')))
            .isEqualTo(hs256(claims().build()).substring(0, sameHeaderForged.indexOf('.')));
        assertInvalidToken(() -> this.decoder.decode(sameHeaderForged), sameHeaderForged);
        assertThat(this.decoder.processor().knownHeaders()).isOne();
    }

    @Test
    void processWhenKnownHeaderButExpiredOrWrongAlgorithmForKeyThenStillRefused() {
        this.decoder.decode(hs256(claims().build()));
        String expired = hs256(claims().expirationTime(new java.util.Date(System.currentTimeMillis() - 3_600_000))
            .build());
        assertInvalidToken(() -> this.decoder.decode(expired), expired);
        String rsaSigned = rs256(RSA, claims().build());
        assertInvalidToken(() -> this.decoder.decode(rsaSigned), rsaSigned);
    }

    @Test
    void processWhenManyVerifiedHeadersThenAtMostTheBoundIsKept() {
        for (int i = 0; i < SignedTokenProcessor.MAX_HEADERS + 20; i++) {
            String token = sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)),
                    new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID("key-" + i).build(),
                    claims().build());
            assertThat(this.decoder.decode(token).subject()).isEqualTo("johndoe");
        }
        assertThat(this.decoder.processor().knownHeaders()).isEqualTo(SignedTokenProcessor.MAX_HEADERS);
        String beyond = sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)),
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("beyond").build(), claims().build());
        assertThat(this.decoder.decode(beyond).subject()).isEqualTo("johndoe");
    }
}
