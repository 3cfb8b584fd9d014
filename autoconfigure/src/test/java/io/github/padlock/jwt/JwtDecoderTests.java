package io.github.padlock.jwt;

import io.github.padlock.SecurityRequest;
import io.github.padlock.TestRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.padlock.InsufficientScopeException;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityResolution;
import io.github.padlock.SecurityScopes;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpAuthorizationCredentials;
import io.github.padlock.scheme.HttpBearer;
import io.github.padlock.scheme.OAuth2PasswordBearer;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static io.github.padlock.jwt.JwtTestSupport.EC;
import static io.github.padlock.jwt.JwtTestSupport.OTHER_RSA;
import static io.github.padlock.jwt.JwtTestSupport.RSA;
import static io.github.padlock.jwt.JwtTestSupport.SECRET;
import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static io.github.padlock.jwt.JwtTestSupport.assertInvalidToken;
import static io.github.padlock.jwt.JwtTestSupport.base64Url;
import static io.github.padlock.jwt.JwtTestSupport.claims;
import static io.github.padlock.jwt.JwtTestSupport.eddsa;
import static io.github.padlock.jwt.JwtTestSupport.es;
import static io.github.padlock.jwt.JwtTestSupport.hs256;
import static io.github.padlock.jwt.JwtTestSupport.macSigner;
import static io.github.padlock.jwt.JwtTestSupport.publicPem;
import static io.github.padlock.jwt.JwtTestSupport.rs256;
import static io.github.padlock.jwt.JwtTestSupport.rsaSigner;
import static io.github.padlock.jwt.JwtTestSupport.sign;
import static io.github.padlock.jwt.JwtTestSupport.signPayload;
import static io.github.padlock.jwt.JwtTestSupport.signRaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JwtDecoder} and {@link JwtVerifiers} against real tokens signed by nimbus, and against hand-crafted
 * attacks (RFC 8725).
 */
class JwtDecoderTests {

    private final JwtDecoder hs = new JwtDecoder(JwtSettings.builder().secret(SECRET).build());

    private final JwtDecoder rs = new JwtDecoder(anyAudience().publicKey(publicPem(RSA)).build());

    private final JwtDecoder es = new JwtDecoder(
            anyAudience().publicKey(EC.toPublicJWK().toJSONString()).build());

    private static final OctetKeyPair ED25519 = JwtTestSupport.ed25519(null);

    private final JwtDecoder ed = new JwtDecoder(
            anyAudience().publicKey(ED25519.toPublicJWK().toJSONString()).build());

    @Test
    void decodeWhenHs256ThenPrincipal() {
        String token = hs256(claims().claim("scope", "items:read me").claim("name", "John").build());
        JwtPrincipal principal = this.hs.decode(token);
        assertThat(principal.subject()).isEqualTo("johndoe");
        assertThat(principal.scopes()).containsExactly("items:read", "me");
        assertThat(principal.claims()).containsEntry("sub", "johndoe").containsEntry("name", "John");
        assertThat(principal.claims().get("exp")).isInstanceOf(Long.class);
    }

    @Test
    void decodeWhenRs256WithPemPublicKeyThenPrincipal() {
        assertThat(this.rs.decode(rs256(RSA, claims().build())).subject()).isEqualTo("johndoe");
    }

    @Test
    void decodeWhenEs256WithJwkThenPrincipal() {
        assertThat(this.es.decode(es(EC, JWSAlgorithm.ES256, claims().build())).subject()).isEqualTo("johndoe");
    }

    @Test
    void decodeWhenP384OrP521KeyThenEs384OrEs512() {
        ECKey p384 = JwtTestSupport.ec(Curve.P_384, null);
        ECKey p521 = JwtTestSupport.ec(Curve.P_521, null);
        JwtDecoder decoder = new JwtDecoder(anyAudience()
            .publicKey(new JWKSet(List.of(p384.toPublicJWK(), p521.toPublicJWK())).toString())
            .build());
        assertThat(decoder.decode(es(p384, JWSAlgorithm.ES384, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(decoder.decode(es(p521, JWSAlgorithm.ES512, claims().build())).subject()).isEqualTo("johndoe");
        assertInvalidToken(() -> decoder.decode(es(EC, JWSAlgorithm.ES256, claims().build())), "");
    }

    @Test
    void decodeWhenPs256AllowedThenAccepted() {
        JwtDecoder decoder = new JwtDecoder(
                anyAudience().publicKey(publicPem(RSA)).algorithms(List.of("PS256")).build());
        String ps256 = sign(rsaSigner(RSA), new JWSHeader(JWSAlgorithm.PS256), claims().build());
        assertThat(decoder.decode(ps256).subject()).isEqualTo("johndoe");
        String rs256 = rs256(RSA, claims().build());
        assertInvalidToken(() -> decoder.decode(rs256), rs256);
    }

    @Test
    void decodeWhenAlgNoneInAnyCasingThenInvalidToken() {
        String payload = base64Url(claims().build().toString());
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String header = base64Url("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}");
            for (String token : List.of(header + "." + payload + ".", header + "." + payload,
                    header + "." + payload + "." + base64Url("signature"))) {
                assertInvalidToken(() -> this.hs.decode(token), token);
                assertInvalidToken(() -> this.rs.decode(token), token);
            }
        }
    }

    @Test
    void decodeWhenHs256SignedWithRsaPublicKeyBytesThenInvalidToken() throws Exception {
        String pem = publicPem(RSA);
        for (byte[] keyBytes : List.of(pem.getBytes(StandardCharsets.US_ASCII), RSA.toPublicKey().getEncoded(),
                RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))) {
            String token = sign(macSigner(keyBytes), new JWSHeader(JWSAlgorithm.HS256), claims().build());
            assertInvalidToken(() -> this.rs.decode(token), token);
        }
    }

    @Test
    void decodeWhenSignedWithAnotherKeyThenInvalidToken() {
        String otherSecret = sign(macSigner((SECRET + "!").getBytes(StandardCharsets.UTF_8)),
                new JWSHeader(JWSAlgorithm.HS256), claims().build());
        assertInvalidToken(() -> this.hs.decode(otherSecret), otherSecret);
        String otherRsa = rs256(OTHER_RSA, claims().build());
        assertInvalidToken(() -> this.rs.decode(otherRsa), otherRsa);
        ECKey otherEc = JwtTestSupport.ec(Curve.P_256, null);
        String otherEcToken = es(otherEc, JWSAlgorithm.ES256, claims().build());
        assertInvalidToken(() -> this.es.decode(otherEcToken), otherEcToken);
    }

    @Test
    void decodeWhenEdDsaWithJwkOrPemPublicKeyThenPrincipal() throws Exception {
        assertThat(this.ed.decode(eddsa(ED25519, JWSAlgorithm.EdDSA, claims().build())).subject())
            .isEqualTo("johndoe");
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        JwtDecoder pem = new JwtDecoder(anyAudience()
            .publicKey(JwtTestSupport.pem("PUBLIC KEY", jdk.getPublic()))
            .build());
        String signedByTheJdk = JwtTestSupport.eddsaByTheJdk(jdk.getPrivate(), "EdDSA",
                claims().claim("scope", "me").build());
        assertThat(pem.decode(signedByTheJdk).scopes()).containsExactly("me");
        assertInvalidToken(() -> this.ed.decode(signedByTheJdk), signedByTheJdk);
    }

    @Test
    void decodeWhenEdDsaSignedWithAnotherEd25519KeyThenInvalidToken() {
        String other = eddsa(JwtTestSupport.ed25519(null), JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> this.ed.decode(other), other);
        String token = eddsa(ED25519, JWSAlgorithm.EdDSA, claims().build());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + base64Url(claims().subject("admin").build().toString()) + "." + parts[2];
        assertInvalidToken(() -> this.ed.decode(tampered), tampered);
    }

    @Test
    void decodeWhenEdDsaTokenButRsaOrEcKeyConfiguredThenInvalidToken() {
        String token = eddsa(ED25519, JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> this.rs.decode(token), token);
        assertInvalidToken(() -> this.es.decode(token), token);
        assertInvalidToken(() -> this.hs.decode(token), token);
    }

    @Test
    void decodeWhenRsaEcOrHmacTokenButEd25519KeyConfiguredThenInvalidToken() throws Exception {
        List<String> tokens = List.of(rs256(RSA, claims().build()), es(EC, JWSAlgorithm.ES256, claims().build()),
                hs256(claims().build()),
                sign(macSigner(ED25519.getDecodedX()), new JWSHeader(JWSAlgorithm.HS256), claims().build()),
                sign(macSigner(ED25519.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)),
                        new JWSHeader(JWSAlgorithm.HS256), claims().build()));
        for (String token : tokens) {
            assertInvalidToken(() -> this.ed.decode(token), token);
        }
        JwtDecoder both = new JwtDecoder(anyAudience()
            .publicKey(new JWKSet(List.of(ED25519.toPublicJWK(), RSA.toPublicJWK())).toString())
            .build());
        assertThat(both.decode(rs256(RSA, claims().build())).subject()).isEqualTo("johndoe");
        assertThat(both.decode(eddsa(ED25519, JWSAlgorithm.EdDSA, claims().build())).subject()).isEqualTo("johndoe");
    }

    @Test
    void decodeWhenEd25519JwkSetThenKidChoosesAndAnEmbeddedJwkIsIgnored() throws Exception {
        OctetKeyPair first = JwtTestSupport.ed25519("ed-1");
        OctetKeyPair second = JwtTestSupport.ed25519("ed-2");
        JwtDecoder decoder = new JwtDecoder(anyAudience()
            .publicKey(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())).toString())
            .build());
        assertThat(decoder.decode(eddsa(first, JWSAlgorithm.EdDSA, claims().build())).subject())
            .isEqualTo("johndoe");
        assertThat(decoder.decode(eddsa(second, JWSAlgorithm.EdDSA, claims().subject("janedoe").build()))
            .subject()).isEqualTo("janedoe");
        OctetKeyPair attacker = JwtTestSupport.ed25519("ed-1");
        String sameKid = eddsa(attacker, JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> decoder.decode(sameKid), sameKid);
        String unknownKid = eddsa(JwtTestSupport.ed25519("ed-3"), JWSAlgorithm.EdDSA, claims().build());
        assertInvalidToken(() -> decoder.decode(unknownKid), unknownKid);
        String crossed = sign(new Ed25519Signer(first),
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed-2").build(), claims().build());
        assertInvalidToken(() -> decoder.decode(crossed), crossed);
        String embedded = sign(new Ed25519Signer(attacker),
                new JWSHeader.Builder(JWSAlgorithm.EdDSA).jwk(attacker.toPublicJWK()).build(), claims().build());
        assertInvalidToken(() -> this.ed.decode(embedded), embedded);
    }

    @Test
    void decodeWhenRfc9864Ed25519AlgThenAcceptedOnlyWhenListed() throws Exception {
        String ed25519 = eddsa(ED25519, JWSAlgorithm.Ed25519, claims().build());
        assertInvalidToken(() -> this.ed.decode(ed25519), ed25519);
        JwtDecoder both = new JwtDecoder(anyAudience()
            .publicKey(ED25519.toPublicJWK().toJSONString())
            .algorithms(List.of("EdDSA", "Ed25519"))
            .build());
        assertThat(both.decode(ed25519).subject()).isEqualTo("johndoe");
        assertThat(both.decode(eddsa(ED25519, JWSAlgorithm.EdDSA, claims().build())).subject()).isEqualTo("johndoe");
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        JwtDecoder pem = new JwtDecoder(anyAudience()
            .publicKey(JwtTestSupport.pem("PUBLIC KEY", jdk.getPublic()))
            .algorithms(List.of("EdDSA", "Ed25519"))
            .build());
        assertThat(pem.decode(JwtTestSupport.eddsaByTheJdk(jdk.getPrivate(), "Ed25519", claims().build())).subject())
            .isEqualTo("johndoe");
        for (String alg : List.of("Ed448", "eddsa", "EDDSA", "ed25519", "none")) {
            String token = JwtTestSupport.eddsaByTheJdk(jdk.getPrivate(), alg, claims().build());
            assertInvalidToken(() -> pem.decode(token), token);
        }
    }

    @Test
    void decodeWhenEdDsaAndUnknownCritHeaderThenInvalidToken() throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
            .criticalParams(Set.of("https://example.com/must-understand"))
            .customParam("https://example.com/must-understand", true)
            .build();
        String token = sign(new Ed25519Signer(ED25519), header, claims().build());
        assertInvalidToken(() -> this.ed.decode(token), token);
    }

    @Test
    void decodeWhenSignatureStrippedThenInvalidToken() {
        String token = hs256(claims().build());
        String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
        assertInvalidToken(() -> this.hs.decode(unsigned), unsigned);
        String twoParts = token.substring(0, token.lastIndexOf('.'));
        assertInvalidToken(() -> this.hs.decode(twoParts), twoParts);
    }

    @Test
    void decodeWhenSignatureNotCanonicalBase64UrlThenInvalidToken() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (Map.Entry<JwtDecoder, String> entry : Map.of(this.hs, hs256(claims().build()), this.rs,
                rs256(RSA, claims().build())).entrySet()) {
            JwtDecoder decoder = entry.getKey();
            String token = entry.getValue();
            String signature = token.substring(token.lastIndexOf('.') + 1);
            String signed = token.substring(0, token.lastIndexOf('.') + 1);
            assertThat(decoder.decode(token).subject()).isEqualTo("johndoe");
            // 32 bytes (HS256) leave 2 unused bits in the last character, 256 bytes (RS256) leave 4
            int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
            String padBits = signed + signature.substring(0, signature.length() - 1) + alphabet.charAt(last | 1);
            for (String variant : List.of(padBits, token + "=", token + "==", signed + " " + signature,
                    signed + signature.substring(0, 10) + "\n" + signature.substring(10))) {
                assertInvalidToken(() -> decoder.decode(variant), variant);
            }
        }
    }

    @Test
    void decodeWhenControlCharactersAroundOrInsideThenInvalidToken() {
        String token = hs256(claims().build());
        assertThat(this.hs.decode(token).subject()).isEqualTo("johndoe");
        for (String junk : List.of("\u0000", "\u001F", "\t", "\r\n", " ", "\u007F", "*", "\u00E9")) {
            for (String variant : List.of(junk + token, token + junk, junk + token + junk,
                    token.substring(0, 5) + junk + token.substring(5))) {
                assertInvalidToken(() -> this.hs.decode(variant), variant);
            }
        }
    }

    @Test
    void decodeWhenPayloadTamperedThenInvalidToken() {
        for (String token : List.of(hs256(claims().build()), rs256(RSA, claims().build()))) {
            String[] parts = token.split("\\.");
            String tampered = parts[0] + "." + base64Url(claims().subject("admin").build().toString()) + "."
                    + parts[2];
            assertInvalidToken(() -> this.hs.decode(tampered), tampered);
            assertInvalidToken(() -> this.rs.decode(tampered), tampered);
        }
    }

    @Test
    void decodeWhenExpiredThenInvalidToken() {
        String token = hs256(claims().expirationTime(Date.from(Instant.now().minusSeconds(300))).build());
        assertInvalidToken(() -> this.hs.decode(token), token);
    }

    @Test
    void decodeWhenNotBeforeInTheFutureThenInvalidToken() {
        String token = hs256(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(300))).build());
        assertInvalidToken(() -> this.hs.decode(token), token);
    }

    @Test
    void decodeWhenNoExpThenInvalidToken() {
        String token = hs256(claims().expirationTime(null).build());
        assertInvalidToken(() -> this.hs.decode(token), token);
    }

    @Test
    void decodeWhenNoOrBlankSubThenInvalidToken() {
        for (String subject : new String[] { null, "", "  " }) {
            String token = hs256(claims().subject(subject).build());
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
    }

    @Test
    void decodeWhenSubIsNotAJsonStringThenInvalidToken() {
        String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
        for (String sub : List.of("5", "5.0", "-1", "1e3", "true", "null", "{}", "[\"johndoe\"]",
                "{\"name\":\"johndoe\"}")) {
            String token = signPayload(new JWSHeader(JWSAlgorithm.HS256), "{\"sub\":" + sub + ",\"exp\":" + exp + "}");
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
    }

    @Test
    void decodeWhenSubHoldsControlCharactersOrUnpairedSurrogatesThenInvalidToken() {
        String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
        for (String sub : List.of("john\\u0000doe", "johndoe\\n", "\\r\\nadmin", "john\\tdoe", "john\\u007fdoe",
                "john\\u0085doe", "john\\u009fdoe", "\\u001b[31mred", "john\\ud800doe", "john\\udc00doe",
                "johndoe\\ud83d", "\\ude00johndoe", "\\ud83d\\ud83d")) {
            String token = signPayload(new JWSHeader(JWSAlgorithm.HS256),
                    "{\"sub\":\"" + sub + "\",\"exp\":" + exp + "}");
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
        String blank = signPayload(new JWSHeader(JWSAlgorithm.HS256), "{\"sub\":\"\\u2003 \",\"exp\":" + exp + "}");
        assertInvalidToken(() -> this.hs.decode(blank), blank);
    }

    @Test
    void decodeWhenSubIsAnyOtherStringOrUriThenItIsTheSubject() {
        for (String subject : List.of("johndoe", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                "https://idp.example/users/42", "j\u00f6rg m\u00fcller", "\ud83d\udd12 padlock", "5", "auth0|42")) {
            assertThat(this.hs.decode(hs256(claims().subject(subject).build())).subject()).isEqualTo(subject);
        }
    }

    @Test
    void decodeWhenTimeClaimOverflowsMillisecondsThenInvalidToken() {
        long now = Instant.now().getEpochSecond();
        String exp = String.valueOf(now + 300);
        long max = NumericDateClaims.MAX_SECONDS;
        // nbf at the end of time would wrap round to the past (valid now); an exp just past the range wraps round to
        // a moment of the signer's choosing: (now + 300 + 2^61) * 1000 is (now + 300) * 1000 modulo 2^64, so nimbus
        // would read now + 5 minutes; an iat likewise.
        long wrapsToSoon = now + 300 + (1L << 61);
        for (String times : List.of("\"nbf\":" + Long.MAX_VALUE + ",\"exp\":" + exp,
                "\"nbf\":1e300,\"exp\":" + exp, "\"nbf\":" + (max + 1) + ",\"exp\":" + exp,
                "\"exp\":" + Long.MAX_VALUE, "\"exp\":" + (max + 1), "\"exp\":1e300",
                "\"exp\":" + exp + ",\"iat\":" + Long.MIN_VALUE, "\"exp\":" + exp + ",\"iat\":" + (-max - 1),
                "\"exp\":" + exp + ",\"iat\":-1e19", "\"exp\":" + wrapsToSoon,
                // null is no NumericDate: nimbus took "exp": null for a present exp that it never checked (an outside
                // attack: a token that never expires); nbf and iat likewise, and any other shape
                "\"exp\":null", "\"\\u0065xp\":null", "\"exp\":" + exp + ",\"nbf\":null",
                "\"exp\":" + exp + ",\"iat\":null", "\"exp\":\"" + exp + "\"", "\"exp\":[" + exp + "]",
                "\"exp\":true", "\"exp\":" + exp + ",\"nbf\":{}")) {
            String token = signPayload(new JWSHeader(JWSAlgorithm.HS256), "{\"sub\":\"johndoe\"," + times + "}");
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
        // The edges of the range are NumericDates like any other: an exp at the end of the year 9999 is accepted, an
        // nbf as far before the epoch too.
        String edges = signPayload(new JWSHeader(JWSAlgorithm.HS256),
                "{\"sub\":\"johndoe\",\"exp\":" + max + ",\"nbf\":" + (-max) + ",\"iat\":" + now + "}");
        assertThat(this.hs.decode(edges).subject()).isEqualTo("johndoe");
        String decimals = signPayload(new JWSHeader(JWSAlgorithm.HS256),
                "{\"sub\":\"johndoe\",\"exp\":" + exp + ".5,\"nbf\":1.5e9}");
        assertThat(this.hs.decode(decimals).subject()).isEqualTo("johndoe");
        String lastSecond = signPayload(new JWSHeader(JWSAlgorithm.HS256),
                "{\"sub\":\"johndoe\",\"exp\":" + max + ".5}"); // 9999-12-31T23:59:59.5Z
        assertThat(this.hs.decode(lastSecond).subject()).isEqualTo("johndoe");
        String nextYear = signPayload(new JWSHeader(JWSAlgorithm.HS256), "{\"sub\":\"johndoe\",\"exp\":" + (max + 1)
                + ".0}");
        assertInvalidToken(() -> this.hs.decode(nextYear), nextYear);
    }

    @Test
    void decodeWhenUnencodedPayloadHeaderThenInvalidToken() {
        String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
        String payload = "{\"sub\":\"johndoe\",\"exp\":" + exp + "}";
        // RFC 7797's b64: false, the payload base64url all the same: nimbus's verifier takes b64 as understood.
        for (String header : List.of("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}",
                "{\"alg\":\"HS256\",\"b64\":false}")) {
            String token = signRaw(header, payload);
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
        String encoded = signRaw("{\"alg\":\"HS256\",\"b64\":true,\"crit\":[\"b64\"]}", payload);
        assertThat(this.hs.decode(encoded).subject()).isEqualTo("johndoe");
    }

    @Test
    void decodeWhenIssuerWrongOrMissingThenInvalidToken() {
        JwtDecoder decoder = new JwtDecoder(
                JwtSettings.builder().secret(SECRET).issuer("https://issuer.example").build());
        assertThat(decoder.decode(hs256(claims().issuer("https://issuer.example").build())).subject())
            .isEqualTo("johndoe");
        for (String issuer : new String[] { "https://evil.example", "https://issuer.example/", null }) {
            String token = hs256(claims().issuer(issuer).build());
            assertInvalidToken(() -> decoder.decode(token), token);
        }
    }

    @Test
    void decodeWhenAudienceWrongOrMissingThenInvalidToken() {
        JwtDecoder decoder = new JwtDecoder(
                JwtSettings.builder().secret(SECRET).audience(List.of("store-api", "admin-api")).build());
        assertThat(decoder.decode(hs256(claims().audience(List.of("other", "admin-api")).build())).subject())
            .isEqualTo("johndoe");
        assertThat(decoder.decode(hs256(claims().audience("store-api").build())).subject()).isEqualTo("johndoe");
        for (List<String> audience : List.of(List.of("evil"), List.of("store-api-2", "other"), List.<String>of())) {
            String token = hs256(claims().audience(audience.isEmpty() ? null : audience).build());
            assertInvalidToken(() -> decoder.decode(token), token);
        }
    }

    @Test
    void decodeWhenIdTokenOfAnotherClientOfTheIssuerThenInvalidToken() {
        JwtDecoder decoder = new JwtDecoder(JwtSettings.builder().publicKey(publicPem(RSA))
            .audience(List.of("store-api"))
            .build());
        assertThat(decoder.decode(rs256(RSA, claims().audience("store-api").build())).subject()).isEqualTo("johndoe");
        String idToken = rs256(RSA, claims().audience("another-client").claim("nonce", "n-0S6_WzA2Mj").build());
        assertInvalidToken(() -> decoder.decode(idToken), idToken);
    }

    @Test
    void decodeWhenUnknownCritHeaderThenInvalidToken() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
            .criticalParams(Set.of("https://example.com/must-understand"))
            .customParam("https://example.com/must-understand", true)
            .build();
        String token = sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)), header, claims().build());
        assertInvalidToken(() -> this.hs.decode(token), token);
    }

    @Test
    void decodeWhenKidIsPathTraversalOrSqlThenInvalidToken() {
        RSAKey configured = JwtTestSupport.rsa("key-1");
        JwtDecoder decoder = new JwtDecoder(
                anyAudience().publicKey(new JWKSet(configured.toPublicJWK()).toString()).build());
        assertThat(decoder.decode(rs256(configured, claims().build())).subject()).isEqualTo("johndoe");
        for (String kid : List.of("../../../../../../etc/passwd", "/dev/null", "key-1/../key-1", "key-1' OR '1'='1",
                "'; DROP TABLE keys; --", "key-1\u0000", "*")) {
            for (RSAKey signer : List.of(configured, OTHER_RSA)) {
                String token = sign(rsaSigner(signer), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                        claims().build());
                assertInvalidToken(() -> decoder.decode(token), token);
            }
            String attacker = sign(rsaSigner(OTHER_RSA), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    claims().build());
            assertInvalidToken(() -> this.rs.decode(attacker), attacker);
        }
    }

    @Test
    void decodeWhenPemKeyAndTokenNamesAKidThenTheConfiguredKeyStillDecides() {
        String token = sign(rsaSigner(RSA), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("whatever").build(),
                claims().build());
        assertThat(this.rs.decode(token).subject()).isEqualTo("johndoe");
    }

    @Test
    void decodeWhenJkuX5uX5cOrJwkHeaderThenNoConnectionAndInvalidToken() throws Exception {
        try (JwtTestSupport.CountingServer server = new JwtTestSupport.CountingServer()) {
            server.serve(new JWKSet(OTHER_RSA.toPublicJWK()).toString());
            List<JWSHeader> headers = List.of(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(java.net.URI.create(server.url("/jwks"))).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertURL(java.net.URI.create(server.url("/cert")))
                        .build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(OTHER_RSA.toPublicJWK()).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .x509CertChain(List.of(Base64.encode(OTHER_RSA.toPublicKey().getEncoded())))
                        .build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(java.net.URI.create(server.url("/jwks")))
                        .x509CertURL(java.net.URI.create(server.url("/cert")))
                        .jwk(OTHER_RSA.toPublicJWK())
                        .keyID("attacker")
                        .build());
            for (JWSHeader header : headers) {
                String token = sign(rsaSigner(OTHER_RSA), header, claims().build());
                assertInvalidToken(() -> this.rs.decode(token), token);
                assertInvalidToken(() -> this.es.decode(token), token);
            }
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void decodeWhenClaimsDeeplyNestedThenInvalidToken() {
        String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
        String arrays = "{\"sub\":\"johndoe\",\"exp\":" + exp + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String objects = "{\"sub\":\"johndoe\",\"exp\":" + exp + ",\"x\":" + "{\"a\":".repeat(1500) + "1"
                + "}".repeat(1500) + "}";
        for (String payload : List.of(arrays, objects)) {
            String token = signPayload(new JWSHeader(JWSAlgorithm.HS256), payload);
            assertThat(token.length()).isLessThan(CompactJws.MAX_LENGTH);
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
    }

    @Test
    void decodeWhenTokenIsOneMegabyteThenInvalidToken() {
        String signed = hs256(claims().claim("padding", "x".repeat(1024 * 1024)).build());
        assertInvalidToken(() -> this.hs.decode(signed), signed);
        String garbage = "a".repeat(512 * 1024) + "." + "b".repeat(512 * 1024) + ".c";
        assertInvalidToken(() -> this.hs.decode(garbage), garbage);
    }

    @Test
    void decodeWhenMalformedThenInvalidToken() {
        String payload = base64Url(claims().build().toString());
        for (String token : List.of("", "abc", "a.b.c", "....", "a.b.c.d.e", "%%%.%%%.%%%", base64Url("[]") + "."
                + payload + ".", base64Url("{\"alg\":") + "." + payload + ".c", base64Url("{\"alg\":42}") + "."
                + payload + ".c", base64Url("{\"alg\":\"HS256\"}") + "." + base64Url("not json") + ".c",
                base64Url("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d", hs256(claims().build()) + " x")) {
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
    }

    @Test
    void decodeWhenRegisteredClaimHasWrongTypeThenInvalidToken() {
        for (String payload : List.of("{\"sub\":\"a\",\"exp\":\"tomorrow\"}", "{\"sub\":[\"a\"],\"exp\":9999999999}",
                "{\"sub\":\"a\",\"exp\":9999999999,\"scope\":42}",
                "{\"sub\":\"a\",\"exp\":9999999999,\"scope\":[\"a\",1]}")) {
            String token = signPayload(new JWSHeader(JWSAlgorithm.HS256), payload);
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
    }

    @Test
    void decodeWhenTypeIsNotJwtThenInvalidToken() {
        for (String type : List.of("JWT", "at+jwt", "application/at+jwt")) {
            String token = sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)),
                    new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(type)).build(), claims().build());
            assertThat(this.hs.decode(token).subject()).isEqualTo("johndoe");
        }
        String token = sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)),
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("secevent+jwt")).build(),
                claims().build());
        assertInvalidToken(() -> this.hs.decode(token), token);
    }

    @Test
    void decodeWhenExpWithinClockSkewThenAcceptedAndAtItsEdgeRefused() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        JwtDecoder decoder = new JwtDecoder(JwtSettings.builder().secret(SECRET).build(),
                Clock.fixed(now, ZoneOffset.UTC));
        String justWithin = hs256(claims().expirationTime(Date.from(now.minusSeconds(59))).build());
        assertThat(decoder.decode(justWithin).subject()).isEqualTo("johndoe");
        String atTheEdge = hs256(claims().expirationTime(Date.from(now.minusSeconds(60))).build());
        assertInvalidToken(() -> decoder.decode(atTheEdge), atTheEdge);
    }

    @Test
    void decodeWhenNotBeforeWithinClockSkewThenAcceptedAndAtItsEdgeRefused() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        JwtDecoder decoder = new JwtDecoder(JwtSettings.builder().secret(SECRET).build(),
                Clock.fixed(now, ZoneOffset.UTC));
        JWTClaimsSet.Builder claims = claims().expirationTime(Date.from(now.plusSeconds(600)));
        String justWithin = hs256(claims.notBeforeTime(Date.from(now.plusSeconds(59))).build());
        assertThat(decoder.decode(justWithin).subject()).isEqualTo("johndoe");
        String atTheEdge = hs256(claims.notBeforeTime(Date.from(now.plusSeconds(60))).build());
        assertInvalidToken(() -> decoder.decode(atTheEdge), atTheEdge);
    }

    @Test
    void decodeWhenClockSkewZeroThenExpiryIsExact() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        JwtDecoder decoder = new JwtDecoder(
                JwtSettings.builder().secret(SECRET).clockSkew(java.time.Duration.ZERO).build(),
                Clock.fixed(now, ZoneOffset.UTC));
        assertThat(decoder.decode(hs256(claims().expirationTime(Date.from(now.plusSeconds(1))).build())).subject())
            .isEqualTo("johndoe");
        String expired = hs256(claims().expirationTime(Date.from(now)).build());
        assertInvalidToken(() -> decoder.decode(expired), expired);
    }

    @Test
    void decodeWhenScpArrayOrScopeStringThenBothRead() {
        JwtDecoder scp = new JwtDecoder(JwtSettings.builder().secret(SECRET).scopeClaim("scp").build());
        assertThat(scp.decode(hs256(claims().claim("scp", List.of("items:read", "me")).build())).scopes())
            .containsExactly("items:read", "me");
        assertThat(scp.decode(hs256(claims().claim("scp", "items:read  me").build())).scopes())
            .containsExactly("items:read", "me");
        assertThat(this.hs.decode(hs256(claims().claim("scope", "items:read me").build())).scopes())
            .containsExactly("items:read", "me");
        assertThat(this.hs.decode(hs256(claims().claim("scope", List.of("items:read")).build())).scopes())
            .containsExactly("items:read");
        assertThat(this.hs.decode(hs256(claims().claim("scp", List.of("items:read")).build())).scopes())
            .as("only the configured claim grants scopes").isEmpty();
    }

    @Test
    void principalToStringShowsSubjectAndScopesOnly() {
        JwtPrincipal principal = this.hs.decode(hs256(claims().claim("scope", "me")
            .claim("email", "john@example.com")
            .build()));
        assertThat(principal).hasToString("JwtPrincipal[subject=johndoe, scopes=[me]]");
        assertThat(principal.claims()).containsEntry("email", "john@example.com");
        assertThatExceptionOfType(UnsupportedOperationException.class)
            .isThrownBy(() -> principal.claims().put("scope", "admin"));
    }

    @Test
    void verifiersOverTokenSchemeWhenScopesGrantedThenPrincipal() {
        OAuth2PasswordBearer scheme = OAuth2PasswordBearer.builder("/token").build();
        Verifier<JwtPrincipal> verifier = JwtVerifiers.over(scheme, this.hs);
        String token = hs256(claims().claim("scope", "items:read me").build());
        JwtPrincipal principal = verifier.resolve(resolution(scheme, token, List.of("items:read")));
        assertThat(principal).isNotNull();
        assertThat(principal.subject()).isEqualTo("johndoe");
        assertThat(verifier.dependencies().get(0).dependency()).isSameAs(scheme);
    }

    @Test
    void verifiersOverTokenSchemeWhenScopeMissingThenInsufficientScope() {
        OAuth2PasswordBearer scheme = OAuth2PasswordBearer.builder("/token").build();
        Verifier<JwtPrincipal> verifier = JwtVerifiers.over(scheme, this.hs);
        String token = hs256(claims().claim("scope", "me").build());
        assertThatExceptionOfType(InsufficientScopeException.class)
            .isThrownBy(() -> verifier.resolve(resolution(scheme, token, List.of("items:read"))))
            .satisfies((ex) -> assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .containsExactly("Bearer error=\"insufficient_scope\", scope=\"items:read\""));
    }

    @Test
    void verifiersOverTokenSchemeWhenInvalidOrAbsentThenInvalidTokenOrNull() {
        OAuth2PasswordBearer scheme = OAuth2PasswordBearer.builder("/token").autoError(false).build();
        Verifier<JwtPrincipal> verifier = JwtVerifiers.over(scheme, this.hs);
        assertThat(verifier.resolve(resolution(scheme, null, List.of("items:read")))).isNull();
        String forged = rs256(OTHER_RSA, claims().build());
        assertInvalidToken(() -> verifier.resolve(resolution(scheme, forged, List.of())), forged);
    }

    @Test
    void verifiersOverBearerWhenBearerCredentialsThenPrincipal() {
        HttpBearer scheme = HttpBearer.builder().build();
        Verifier<JwtPrincipal> verifier = JwtVerifiers.overBearer(scheme, this.rs);
        String token = rs256(RSA, claims().claim("scope", "items:read").build());
        JwtPrincipal principal = verifier
            .resolve(resolution(scheme, new HttpAuthorizationCredentials("bearer", token), List.of("items:read")));
        assertThat(principal).isNotNull();
        assertThat(principal.scopes()).containsExactly("items:read");
        assertThat(verifier.resolve(resolution(scheme, null, List.of()))).isNull();
        assertInvalidToken(() -> verifier
            .resolve(resolution(scheme, new HttpAuthorizationCredentials("Basic", token), List.of())), token);
        assertThatExceptionOfType(InsufficientScopeException.class).isThrownBy(() -> verifier
            .resolve(resolution(scheme, new HttpAuthorizationCredentials("Bearer", token), List.of("admin"))));
    }

    private static <U> SecurityResolution resolution(SecurityDependency<U> dependency, U value, List<String> scopes) {
        return new SecurityResolution() {

            @Override
            public SecurityRequest request() {
                return new TestRequest();
            }

            @Override
            public SecurityScopes scopes() {
                return SecurityScopes.of(scopes);
            }

            @Override
            @SuppressWarnings("unchecked")
            public <V> V valueOf(SecurityDependency<V> requested) {
                assertThat(requested).isSameAs(dependency);
                return (V) value;
            }
        };
    }
}
