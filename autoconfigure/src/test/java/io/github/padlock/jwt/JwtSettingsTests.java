package io.github.padlock.jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import static io.github.padlock.jwt.JwtTestSupport.EC;
import static io.github.padlock.jwt.JwtTestSupport.OTHER_RSA;
import static io.github.padlock.jwt.JwtTestSupport.RSA;
import static io.github.padlock.jwt.JwtTestSupport.SECRET;
import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static io.github.padlock.jwt.JwtTestSupport.pem;
import static io.github.padlock.jwt.JwtTestSupport.privatePem;
import static io.github.padlock.jwt.JwtTestSupport.publicPem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link JwtSettings}: defaults, and every refusal names its setting and never its value.
 */
class JwtSettingsTests {

    /** A self-signed RSA certificate (CN=padlock-test); its private key was thrown away. */
    private static final String CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIDEDCCAfigAwIBAgITLniiLsWxYFuAB0aw3bNBuYLc7jANBgkqhkiG9w0BAQsF
            ADAXMRUwEwYDVQQDDAxwYWRsb2NrLXRlc3QwIBcNMjYxMTI4MTgwNTU1WhgPMjEy
            NjExMDQxODA1NTVaMBcxFTATBgNVBAMMDHBhZGxvY2stdGVzdDCCASIwDQYJKoZI
            hvcNAQEBBQADggEPADCCAQoCggEBALLfh+LsAwiHIDutIUiM5PjMVaDZDXErF4R2
            FPC0eO7l5z161wRjVphoGwm+bsvAZfV5cV8FYlZsArG4j4KGpjkuknytM9xx+zu0
            V0flzi1trpNi2j99tC+AbBABhR/WHGCVEgbmbUUh0DZubud0PYYqNcSgw5sR0zwl
            FY+jyspNY5YiCrBk+4c6M7by54MiMxV+FjGK2Vg2fVJJkwGZJvF/8C64hv3//Kva
            tJda0X/7Z3E1kZ7ApulshcYBlSGivS42x7OKLl1KBUNkkwvufEmiIjgLuHlj94eF
            Rul5WlsK+p3Wj8UuGLi5zLUADmhi2ULKVGVdchFvfaFz2U6eUY8CAwEAAaNTMFEw
            HQYDVR0OBBYEFK1F5Mje6twDBrDIdlMBHyaNKtf5MB8GA1UdIwQYMBaAFK1F5Mje
            6twDBrDIdlMBHyaNKtf5MA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQAD
            ggEBAEiujtXDBiskn2W0Bd0kwwfD6eI9VC+8wCkTdy5MgUsiafJEJZ/xXjeQyk/l
            hlgh0txoxoWbpqgdvxxRq4WBi8vJAkyaSOsPmqWtRk0Jy/CEd6ah5B+lWsRrytyJ
            iE2iSX3sY56Xmn8R4/wlvxUuh9FPf68FsbOpalRvLhXc9YunMSNO/siF66xKEdLH
            VjDTC6pg5zcKatCwyTf8EIFIVicHwZsrPrb9wNyDH4DpkdwRA3iM1acQa5veFUeg
            B8rrdRLLGLDDncKBjwCoKE1PNrdINAgQ4MzE7ZH5fOQagBe+9oLRYqatBmDH5FzF
            REWv0ZURD89ScFyZUxfHoe8cLso=
            -----END CERTIFICATE-----
            """;

    /** A self-signed Ed25519 certificate (CN=padlock-ed25519-test); its private key was thrown away. */
    private static final String ED25519_CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIBVTCCAQegAwIBAgIUMk1Lra70pApYQnFemMNXHjXuW4cwBQYDK2VwMB8xHTAb
            BgNVBAMMFHBhZGxvY2stZWQyNTUxOS10ZXN0MCAXDTI2MTEyODE4MjExN1oYDzIx
            MjYxMTA0MTgyMTE3WjAfMR0wGwYDVQQDDBRwYWRsb2NrLWVkMjU1MTktdGVzdDAq
            MAUGAytlcAMhAKDQXupGKw+8VPbM/Rra2PGGG+WpHO6Fhui6eWLhWloIo1MwUTAd
            BgNVHQ4EFgQUnxwwsW19bkJpCE1lUQuIH8k5/AowHwYDVR0jBBgwFoAUnxwwsW19
            bkJpCE1lUQuIH8k5/AowDwYDVR0TAQH/BAUwAwEB/zAFBgMrZXADQQAs/lD4IyJi
            OSeUh7XZq6QQupECePkvzu7zkHdFahcUJ383vhuIJFOcQr2rCgeuwbySrt6z7AnJ
            2563NaTOyZYF
            -----END CERTIFICATE-----
            """;

    @Test
    void buildWhenNoKeySourceThenMessageNamesEachOne() {
        assertRefused(JwtSettings.builder(), "Exactly one of secret, public-key or jwk-set-uri must be set to verify "
                + "tokens, but none is");
        assertRefused(JwtSettings.builder().secret("  ").publicKey("").jwkSetUri(null), "Exactly one of");
    }

    @Test
    void buildWhenSeveralKeySourcesThenMessageNamesThemWithoutValues() {
        String message = assertRefused(JwtSettings.builder().secret(SECRET).publicKey(publicPem(RSA)),
                "Exactly one of secret, public-key or jwk-set-uri must be set to verify tokens, but secret and "
                        + "public-key are");
        assertThat(message).doesNotContain(SECRET);
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).jwkSetUri("https://issuer.example/jwks"),
                "Exactly one of", "but public-key and jwk-set-uri are");
        assertRefused(JwtSettings.builder().secret(SECRET).publicKey(publicPem(RSA))
            .jwkSetUri("https://issuer.example/jwks"), "but secret and public-key and jwk-set-uri are");
    }

    @Test
    void buildWhenSecretShorterThan256BitsThenRefusedWithoutTheSecret() {
        String shortSecret = "0123456789abcdef-ghijklmnopqrstu";
        String message = assertRefused(JwtSettings.builder().secret(shortSecret.substring(1)),
                "secret: must be at least 256 bits (32 bytes)");
        assertThat(message).doesNotContain(shortSecret.substring(1)).doesNotContain("31");
        assertThat(JwtSettings.builder().secret(shortSecret).build().algorithms()).containsExactly("HS256");
        assertThat(JwtSettings.builder().secret("\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9"
                + "\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef").build().algorithms())
            .as("key material is counted in UTF-8 bytes").containsExactly("HS256");
    }

    @Test
    void buildWhenSecretHasFewerThanEightDistinctBytesThenRefusedSayingWhatToDo() {
        for (String secret : List.of("x".repeat(32), "a".repeat(31) + "b", "0123456".repeat(5),
                "\u00e9".repeat(16), "ab".repeat(40))) {
            String message = assertRefused(JwtSettings.builder().secret(secret),
                    "secret: has fewer than 8 distinct bytes; use random bytes instead, such as the output of "
                            + "openssl rand -base64 48");
            assertThat(message).as(secret).doesNotContain(secret.substring(0, 6));
        }
    }

    @Test
    void buildWhenSecretRepeatsAPatternOfAtMostHalfItsLengthThenRefused() {
        for (String secret : List.of("abcdefgh".repeat(4), "correct-horse!".repeat(3), "Tr0ub4dor&3".repeat(3) + "Tr0",
                SECRET + SECRET, "Kq8-Zt3!Vw5?".repeat(2) + "Kq8-Zt3!")) {
            String message = assertRefused(JwtSettings.builder().secret(secret),
                    "secret: repeats a shorter pattern; use random bytes instead", "openssl rand -base64 48");
            assertThat(message).as(secret).doesNotContain(secret.substring(0, 6));
        }
        assertThat(JwtSettings.builder().secret("0123456789abcdefg" + "0123456789abcdef").build().algorithms())
            .as("33 bytes repeating a prefix of 17: more than half").containsExactly("HS256");
    }

    @Test
    void buildWhenSecretIsAPublishedSampleThenRefused() {
        for (String secret : List.of("padlock-demo-development-secret-not-for-production",
                "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7")) {
            String message = assertRefused(JwtSettings.builder().secret(secret),
                    "secret: is a sample value published in Padlock's demo or FastAPI's tutorial",
                    "openssl rand -base64 48");
            assertThat(message).doesNotContain(secret.substring(0, 8));
            assertThat(JwtSettings.builder().secret(secret + "!").build().algorithms()).containsExactly("HS256");
        }
    }

    @Test
    void buildWhenSecretIsRandomOrTheBenchmarksThenAccepted() {
        for (String secret : List.of("peer-bench-hs256-secret-32-bytes", "q3Vx9Lk2Wm7Tn4Rb8Zc1Yd6Hf0Jg5Ps3",
                "uV0Hl2x0gk7m4Dq1JZp9cNw3Yb8Rf6Ts5Ae2Lm4Kx7Qz1Wv9Hn3Gc6Bd0Fy8Jp2Tr", SECRET)) {
            assertThat(JwtSettings.builder().secret(secret).build().algorithms()).as(secret).containsExactly("HS256");
        }
    }

    @Test
    void buildWhenSecretTooShortForHs384OrHs512ThenRefused() {
        assertRefused(JwtSettings.builder().secret(SECRET).algorithms(List.of("HS256", "HS512")),
                "secret: must be at least 512 bits (64 bytes) of key material for HS512");
        assertRefused(JwtSettings.builder().secret(SECRET.substring(0, 47)).algorithms(List.of("HS384")),
                "secret: must be at least 384 bits (48 bytes) of key material for HS384");
        assertThat(JwtSettings.builder().secret(SECRET + "-for-hs512-64-bytes").algorithms(List.of("HS512", "HS256"))
            .build().algorithms()).containsExactly("HS512", "HS256");
    }

    @Test
    void buildWhenPublicKeyUnreadableThenNamesPublicKey() throws Exception {
        String garbageDer = pem("PUBLIC KEY", "definitely not DER, but long enough to look like a key".getBytes());
        KeyPair weak = keyPair("RSA", 1024);
        List<String> unreadable = List.of("not a key at all", "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----",
                garbageDer, "{not json", "{\"kty\":\"RSA\"}", "{\"keys\":[]}", "{\"keys\":42}",
                privatePem(RSA), pem("RSA PUBLIC KEY", RSA.toPublicKey().getEncoded()),
                pem("SOMETHING ELSE", new byte[] { 1, 2, 3 }), RSA.toJSONString(),
                new OctetSequenceKey.Builder(SECRET.getBytes()).build().toJSONString(),
                pem("PUBLIC KEY", weak.getPublic()), new RSAKey.Builder((java.security.interfaces.RSAPublicKey) weak
                    .getPublic()).build().toJSONString(),
                pem("CERTIFICATE", "not a certificate".getBytes()));
        for (String text : unreadable) {
            String message = assertRefused(JwtSettings.builder().publicKey(text), "public-key: ");
            assertNoMaterial(message, text);
        }
    }

    @Test
    void buildWhenEd25519KeyThenEdDsaByDefault() throws Exception {
        KeyPair pem = keyPair("Ed25519", 0);
        OctetKeyPair jwk = JwtTestSupport.ed25519("ed-1");
        assertThat(anyAudience().publicKey(pem("PUBLIC KEY", pem.getPublic())).build().algorithms())
            .containsExactly("EdDSA");
        assertThat(anyAudience().publicKey(jwk.toPublicJWK().toJSONString()).build().algorithms())
            .containsExactly("EdDSA");
        assertThat(anyAudience().publicKey(new JWKSet(List.of(jwk.toPublicJWK(), RSA.toPublicJWK()))
            .toString()).build().algorithms()).containsExactly("EdDSA", "RS256");
        assertThat(anyAudience().publicKey(new OctetKeyPair.Builder(jwk.toPublicJWK())
            .algorithm(JWSAlgorithm.Ed25519).build().toJSONString()).build().algorithms())
            .as("the alg the JWK declares, RFC 9864's Ed25519").containsExactly("Ed25519");
        assertThat(anyAudience().publicKey(jwk.toPublicJWK().toJSONString())
            .algorithms(List.of("ed25519", "EdDSA")).build().algorithms()).containsExactly("Ed25519", "EdDSA");
        JwtSettings signing = anyAudience().jwkSetUri("https://issuer.example/jwks")
            .privateKey(pem("PRIVATE KEY", pem.getPrivate()))
            .build();
        assertThat(signing.algorithms()).containsExactly("EdDSA");
        assertThat(signing.toString()).contains("signing=an Ed25519 key");
        assertNoMaterial(signing.toString(), pem("PRIVATE KEY", pem.getPrivate()));
    }

    @Test
    void buildWhenEdDsaAndTheKeyTypeDifferThenRefused() throws Exception {
        OctetKeyPair ed25519 = JwtTestSupport.ed25519(null);
        String publicJwk = ed25519.toPublicJWK().toJSONString();
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).algorithms(List.of("EdDSA")),
                "algorithms: EdDSA does not fit any key of public-key");
        assertRefused(JwtSettings.builder().publicKey(EC.toPublicJWK().toJSONString()).algorithms(List.of("Ed25519")),
                "algorithms: Ed25519 does not fit any key of public-key");
        assertRefused(JwtSettings.builder().secret(SECRET).algorithms(List.of("EdDSA")),
                "algorithms: EdDSA does not fit the secret");
        for (String algorithm : List.of("RS256", "ES256", "HS256")) {
            assertRefused(JwtSettings.builder().publicKey(publicJwk).algorithms(List.of(algorithm)),
                    "algorithms: " + algorithm + " does not fit any key of public-key");
        }
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).privateKey(ed25519.toJSONString()),
                "private-key: holds an Ed25519 key, which fits none of the algorithms [RS256]");
        assertRefused(JwtSettings.builder().publicKey(publicJwk).privateKey(privatePem(RSA)),
                "private-key: holds an RSA key, which fits none of the algorithms [EdDSA]");
    }

    @Test
    void buildWhenEd25519PrivateKeyDoesNotPairThenRefused() throws Exception {
        OctetKeyPair key = JwtTestSupport.ed25519(null);
        OctetKeyPair other = JwtTestSupport.ed25519(null);
        String message = assertRefused(JwtSettings.builder().publicKey(key.toPublicJWK().toJSONString())
            .privateKey(other.toJSONString()), "private-key: does not pair with any key of public-key");
        assertNoMaterial(message, other.toJSONString());
        KeyPair pem = keyPair("Ed25519", 0);
        assertRefused(JwtSettings.builder().publicKey(key.toPublicJWK().toJSONString())
            .privateKey(pem("PRIVATE KEY", pem.getPrivate())), "private-key: does not pair");
        String mismatched = new OctetKeyPair.Builder(Curve.Ed25519, other.getX()).d(key.getD()).build()
            .toJSONString();
        message = assertRefused(JwtSettings.builder().jwkSetUri("https://issuer.example/jwks").privateKey(mismatched),
                "private-key: holds an Ed25519 JWK whose x is not the public key of its d");
        assertNoMaterial(message, mismatched);
    }

    @Test
    void buildWhenOkpKeyIsNotEd25519ThenRefused() throws Exception {
        KeyPair ed448 = keyPair("Ed448", 0);
        assertRefused(JwtSettings.builder().publicKey(pem("PUBLIC KEY", ed448.getPublic())),
                "public-key: holds an Ed448 key; nimbus-jose-jwt signs and verifies EdDSA with Ed25519 keys only");
        assertRefused(JwtSettings.builder().jwkSetUri("https://issuer.example/jwks")
            .privateKey(pem("PRIVATE KEY", ed448.getPrivate())), "private-key: holds an Ed448 key");
        for (Map.Entry<Curve, Integer> curve : Map.of(Curve.Ed448, 57, Curve.X25519, 32, Curve.X448, 56).entrySet()) {
            String jwk = new OctetKeyPair.Builder(curve.getKey(), Base64URL.encode(new byte[curve.getValue()]))
                .build()
                .toJSONString();
            assertRefused(JwtSettings.builder().publicKey(jwk), "public-key: holds an OKP key on curve "
                    + curve.getKey() + "; only Ed25519 keys sign tokens here");
        }
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).algorithms(List.of("Ed448")),
                "algorithms: Ed448 is not supported");
        assertRefused(JwtSettings.builder().publicKey(ED25519_CERTIFICATE),
                "public-key: holds a certificate of an Ed25519 key", "give its PUBLIC KEY block");
    }

    @Test
    void buildWhenPrivateKeyUnreadableThenNamesPrivateKeyAndNeverItsMaterial() throws Exception {
        byte[] der = RSA.toPrivateKey().getEncoded();
        byte[] corrupted = der.clone();
        for (int i = 20; i < corrupted.length; i += 7) {
            corrupted[i] ^= 0x5A;
        }
        List<String> unreadable = List.of(pem("PRIVATE KEY", corrupted),
                pem("RSA PRIVATE KEY", der), pem("EC PRIVATE KEY", der), pem("ENCRYPTED PRIVATE KEY", der),
                publicPem(RSA), privatePem(RSA) + privatePem(OTHER_RSA), RSA.toPublicJWK().toJSONString(),
                "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"AQAB\"}", "{\"keys\":[" + RSA.toJSONString() + ","
                        + OTHER_RSA.toJSONString() + "]}", pem("PRIVATE KEY", keyPair("RSA", 1024).getPrivate()),
                new OctetSequenceKey.Builder(SECRET.getBytes()).build().toJSONString());
        for (String text : unreadable) {
            String message = assertRefused(JwtSettings.builder().jwkSetUri("https://issuer.example/jwks")
                .privateKey(text),
                    "private-key: ");
            assertNoMaterial(message, text);
        }
    }

    @Test
    void buildWhenPrivateKeyDoesNotPairWithPublicKeyThenRefused() throws Exception {
        String message = assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).privateKey(privatePem(OTHER_RSA)),
                "private-key: does not pair with any key of public-key");
        assertNoMaterial(message, privatePem(OTHER_RSA));
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).privateKey(EC.toJSONString()),
                "private-key: holds an EC P-256 key, which fits none of the algorithms [RS256]");
        assertRefused(JwtSettings.builder().publicKey(CERTIFICATE).privateKey(privatePem(RSA)),
                "private-key: does not pair");
    }

    @Test
    void buildWhenSecretAndPrivateKeyThenRefusedNamingPrivateKey() {
        String message = assertRefused(JwtSettings.builder().secret(SECRET).privateKey(privatePem(RSA)),
                "private-key: cannot be combined with secret");
        assertThat(message).doesNotContain(SECRET);
    }

    @Test
    void buildWhenAlgorithmDoesNotFitTheKeyThenNamesAlgorithms() {
        assertRefused(JwtSettings.builder().secret(SECRET).algorithms(List.of("RS256")),
                "algorithms: RS256 does not fit the secret");
        assertRefused(JwtSettings.builder().secret(SECRET).algorithms(List.of("HS256", "ES256")),
                "algorithms: ES256 does not fit the secret");
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).algorithms(List.of("RS256", "HS256")),
                "algorithms: HS256 does not fit any key of public-key");
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)).algorithms(List.of("ES256")),
                "algorithms: ES256 does not fit any key of public-key");
        assertRefused(JwtSettings.builder().publicKey(EC.toPublicJWK().toJSONString()).algorithms(List.of("ES384")),
                "algorithms: ES384 does not fit any key of public-key");
        assertRefused(JwtSettings.builder().publicKey(EC.toPublicJWK().toJSONString()).algorithms(List.of("PS256")),
                "algorithms: PS256 does not fit any key of public-key");
        assertRefused(JwtSettings.builder().jwkSetUri("https://issuer.example/jwks").algorithms(List.of("HS256")),
                "algorithms: HS256 needs a secret");
    }

    @Test
    void buildWhenAlgorithmsHoldNoneThenRefused() {
        for (String none : List.of("none", "None", "NONE", " none ")) {
            assertRefused(JwtSettings.builder().secret(SECRET).algorithms(List.of("HS256", none)),
                    "algorithms: none is never accepted");
            assertRefused(JwtSettings.builder().jwkSetUri("https://issuer.example/jwks").algorithms(List.of(none)),
                    "algorithms: none is never accepted");
        }
    }

    @Test
    void buildWhenAlgorithmUnknownThenRefused() {
        for (String name : List.of("HS1024", "ES256K", "RSA-OAEP", "")) {
            assertRefused(JwtSettings.builder().secret(SECRET).algorithms(List.of(name)),
                    "algorithms: unknown JWS algorithm '" + name + "'");
        }
    }

    @Test
    void buildWhenAlgorithmNamedInAnotherCaseThenNormalized() {
        assertThat(JwtSettings.builder().secret(SECRET).algorithms(List.of("hs256")).build().algorithms())
            .containsExactly("HS256");
    }

    @Test
    void buildWhenScopeClaimNeitherScopeNorScpThenNamesScopeClaim() {
        for (String claim : List.of("scopes", "roles", "SCOPE", "")) {
            assertRefused(JwtSettings.builder().secret(SECRET).scopeClaim(claim), "scope-claim: must be scope or scp");
        }
    }

    @Test
    void buildWhenJwkSetUriNotAnHttpUrlThenNamesJwkSetUri() {
        for (String uri : List.of("file:///etc/passwd", "ftp://issuer.example/jwks", "not a url", "/relative/jwks",
                "https://", "jar:file:/x.jar!/jwks", "http://127.0.0.256/jwks")) {
            assertRefused(JwtSettings.builder().jwkSetUri(uri), "jwk-set-uri: must be an absolute http or https URL");
        }
    }

    @Test
    void buildWhenJwkSetUriIsPlainHttpToAnotherHostThenRefusedNamingJwkSetUri() {
        for (String uri : List.of("http://issuer.example/jwks", "HTTP://issuer.example/jwks", "http://10.0.0.1/jwks",
                "http://128.0.0.1/jwks", "http://0.0.0.0/jwks", "http://[::2]/jwks",
                "http://[::ffff:10.0.0.1]/jwks", "http://localhost.issuer.example/jwks",
                "http://127.0.0.1.issuer.example/jwks", "http://localhost:8080@issuer.example/jwks")) {
            String message = assertRefused(JwtSettings.builder().jwkSetUri(uri),
                    "jwk-set-uri: must be an https URL (plain http only to a loopback address: localhost, "
                            + "127.0.0.0/8 or [::1])");
            assertThat(message).as(uri).doesNotContain("issuer.example");
        }
    }

    @Test
    void buildWhenJwkSetUriIsHttpsOrPlainHttpToLoopbackThenAccepted() {
        for (String uri : List.of("https://issuer.example/jwks", "HTTPS://issuer.example:8443/jwks",
                "http://localhost/jwks", "http://LocalHost:8080/jwks", "http://127.0.0.1:9000/jwks",
                "http://127.255.10.3/jwks", "http://[::1]:8080/jwks", "http://[0:0:0:0:0:0:0:1]/jwks")) {
            assertThat(anyAudience().jwkSetUri(uri).build().algorithms()).as(uri).containsExactly("RS256");
        }
    }

    @Test
    void buildWhenPublicKeyOrJwkSetUriWithoutAudienceThenRefusedNamingAudience() {
        for (JwtSettings.Builder builder : List.of(JwtSettings.builder().publicKey(publicPem(RSA)),
                JwtSettings.builder().jwkSetUri("https://issuer.example/jwks"),
                JwtSettings.builder().jwkSetUri("https://issuer.example/jwks").audience(List.of(" ")))) {
            assertRefused(builder, "audience: must be set with ", "an ID token the issuer signs for another client",
                    "or set audience-required to false if every token these keys sign is meant for this application");
        }
        assertRefused(JwtSettings.builder().publicKey(publicPem(RSA)), "must be set with public-key");
        assertRefused(JwtSettings.builder().jwkSetUri("https://issuer.example/jwks"), "must be set with jwk-set-uri");
    }

    @Test
    void buildWhenAudienceGivenOrNotRequiredOrSecretThenAccepted() {
        assertThat(JwtSettings.builder().publicKey(publicPem(RSA)).audience(List.of("store-api")).build().audience())
            .containsExactly("store-api");
        assertThat(JwtSettings.builder().jwkSetUri("https://issuer.example/jwks").audienceRequired(false).build()
            .audience()).isEmpty();
        assertThat(JwtSettings.builder().secret(SECRET).build().audience())
            .as("a secret's tokens are this application's own").isEmpty();
    }

    @Test
    void buildWhenClockSkewNegativeOrNotWholeSecondsOrTooLongThenNamesClockSkew() {
        for (Duration skew : List.of(Duration.ofSeconds(-1), Duration.ofMillis(1500), Duration.ofMillis(999),
                Duration.ofSeconds(Integer.MAX_VALUE + 1L), Duration.ofDays(100_000))) {
            assertRefused(JwtSettings.builder().secret(SECRET).clockSkew(skew),
                    "clock-skew: must be whole seconds, from 0 to 2147483647");
        }
        assertThat(JwtSettings.builder().secret(SECRET).clockSkew(Duration.ofSeconds(Integer.MAX_VALUE)).build()
            .clockSkew()).isEqualTo(Duration.ofSeconds(Integer.MAX_VALUE));
        assertThat(JwtSettings.builder().secret(SECRET).clockSkew(Duration.ZERO).build().clockSkew()).isZero();
    }

    @Test
    void buildWhenDefaultsThenAlgorithmFollowsTheKey() throws Exception {
        JwtSettings secret = JwtSettings.builder().secret(SECRET).build();
        assertThat(secret.algorithms()).containsExactly("HS256");
        assertThat(secret.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(secret.scopeClaim()).isEqualTo("scope");
        assertThat(secret.issuer()).isNull();
        assertThat(secret.audience()).isEmpty();
        assertThat(anyAudience().publicKey(publicPem(RSA)).build().algorithms()).containsExactly("RS256");
        assertThat(anyAudience().publicKey(CERTIFICATE).build().algorithms()).containsExactly("RS256");
        ECKey p384 = JwtTestSupport.ec(Curve.P_384, null);
        ECKey p521 = JwtTestSupport.ec(Curve.P_521, null);
        assertThat(anyAudience().publicKey(pem("PUBLIC KEY", EC.toPublicKey())).build().algorithms())
            .containsExactly("ES256");
        assertThat(anyAudience().publicKey(p384.toPublicJWK().toJSONString()).build().algorithms())
            .containsExactly("ES384");
        assertThat(anyAudience().publicKey(pem("PUBLIC KEY", p521.toPublicKey())).build().algorithms())
            .containsExactly("ES512");
        assertThat(anyAudience().publicKey(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString())
            .build().algorithms()).containsExactly("RS256", "ES256");
        assertThat(anyAudience().publicKey(new RSAKey.Builder(RSA.toRSAPublicKey())
            .algorithm(JWSAlgorithm.PS384).build().toJSONString()).build().algorithms()).containsExactly("PS384");
        assertThat(anyAudience().jwkSetUri("https://issuer.example/jwks").build().algorithms())
            .containsExactly("RS256");
        assertThat(anyAudience().jwkSetUri("https://issuer.example/jwks").privateKey(EC.toJSONString())
            .build().algorithms()).containsExactly("ES256");
    }

    @Test
    void buildWhenAudienceAndIssuerThenKept() {
        JwtSettings settings = JwtSettings.builder()
            .secret(SECRET)
            .issuer("https://issuer.example")
            .audience(List.of("a", " ", "b", "a"))
            .clockSkew(Duration.ZERO)
            .scopeClaim("scp")
            .build();
        assertThat(settings.issuer()).isEqualTo("https://issuer.example");
        assertThat(settings.audience()).containsExactly("a", "b");
        assertThat(settings.clockSkew()).isZero();
        assertThat(settings.scopeClaim()).isEqualTo("scp");
    }

    @Test
    void toStringShowsNoKeyMaterial() throws Exception {
        JwtSettings secret = JwtSettings.builder().secret(SECRET).build();
        assertThat(secret.toString()).doesNotContain(SECRET).startsWith("JwtSettings[keySource=secret, algorithms=[HS256]");
        JwtSettings keys = anyAudience().publicKey(publicPem(RSA)).privateKey(privatePem(RSA)).build();
        assertNoMaterial(keys.toString(), privatePem(RSA));
        assertNoMaterial(keys.toString(), publicPem(RSA));
        assertThat(keys.toString()).contains("keySource=public-key", "signing=an RSA key");
        assertThat(anyAudience().jwkSetUri("https://user:password@issuer.example/jwks?token=abc").build()
            .toString()).doesNotContain("password", "token=abc");
    }

    private static String assertRefused(JwtSettings.Builder builder, String... fragments) {
        IllegalArgumentException ex = catchThrowableOfType(IllegalArgumentException.class, builder::build);
        assertThat(ex).as("an IllegalArgumentException").isNotNull();
        assertThat(ex.getCause()).isNull();
        assertThat(ex.getMessage()).contains(fragments);
        return ex.getMessage();
    }

    /** No run of 12 characters of the key's text (outside PEM armour and JSON names) shows in the message. */
    private static void assertNoMaterial(String message, String keyText) {
        String material = keyText.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        for (int i = 0; i + 12 <= material.length(); i += 6) {
            String run = material.substring(i, i + 12);
            if (run.chars().filter(Character::isLetterOrDigit).count() == 12) {
                assertThat(message).doesNotContain(run);
            }
        }
    }

    private static KeyPair keyPair(String algorithm, int size) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (size > 0) {
            generator.initialize(size);
        }
        return generator.generateKeyPair();
    }
}
