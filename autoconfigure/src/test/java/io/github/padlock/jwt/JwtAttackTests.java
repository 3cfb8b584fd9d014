package io.github.padlock.jwt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import io.github.padlock.SecurityParam;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.github.padlock.jwt.JwtTestSupport.CHALLENGE;
import static io.github.padlock.jwt.JwtTestSupport.OTHER_RSA;
import static io.github.padlock.jwt.JwtTestSupport.RSA;
import static io.github.padlock.jwt.JwtTestSupport.SECRET;
import static io.github.padlock.jwt.JwtTestSupport.anyAudience;
import static io.github.padlock.jwt.JwtTestSupport.assertInvalidToken;
import static io.github.padlock.jwt.JwtTestSupport.base64Url;
import static io.github.padlock.jwt.JwtTestSupport.claims;
import static io.github.padlock.jwt.JwtTestSupport.hs256;
import static io.github.padlock.jwt.JwtTestSupport.macSigner;
import static io.github.padlock.jwt.JwtTestSupport.publicPem;
import static io.github.padlock.jwt.JwtTestSupport.rs256;
import static io.github.padlock.jwt.JwtTestSupport.rsaSigner;
import static io.github.padlock.jwt.JwtTestSupport.sign;
import static io.github.padlock.jwt.JwtTestSupport.signPayload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of RFC 8725 (JSON Web Token Best Current Practices) and its neighbours, one test each, every one
 * answered with the same 401 {@code invalid_token} ({@code WWW-Authenticate: Bearer error="invalid_token", ...}) and
 * never a 5xx; {@link OverHttp} shows a few end to end as problem+json. Each test first shows that the verifier
 * accepts the honest token, so that a refusal means the attack was caught.
 */
class JwtAttackTests {

    private static final String ISSUER = "https://issuer.example.com";

    private static final String AUDIENCE = "padlock-api";

    private final JwtDecoder hs = new JwtDecoder(JwtSettings.builder().secret(SECRET).build());

    private final JwtDecoder rs = new JwtDecoder(anyAudience().publicKey(publicPem(RSA)).build());

    private final JwtDecoder rsJwk = new JwtDecoder(
            anyAudience().publicKey(RSA.toPublicJWK().toJSONString()).build());

    private final JwtDecoder strict = new JwtDecoder(JwtSettings.builder()
        .secret(SECRET)
        .issuer(ISSUER)
        .audience(List.of(AUDIENCE))
        .build());

    /** The 16 casings of {@code none}. */
    static Stream<String> noneInEveryCasing() {
        List<String> casings = new ArrayList<>();
        for (int mask = 0; mask < 16; mask++) {
            StringBuilder none = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                char c = "none".charAt(i);
                none.append(((mask >> i) & 1) == 1 ? Character.toUpperCase(c) : c);
            }
            casings.add(none.toString());
        }
        return casings.stream();
    }

    @ParameterizedTest
    @MethodSource("noneInEveryCasing")
    void decodeWhenAlgNoneInAnyCasingThenInvalidToken(String none) {
        assertThat(this.hs.decode(hs256(claims().build())).subject()).isEqualTo("johndoe");
        String payload = base64Url(claims().build().toString());
        String signature = hs256(claims().build()).substring(hs256(claims().build()).lastIndexOf('.') + 1);
        for (String header : List.of("{\"alg\":\"" + none + "\"}", "{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}")) {
            String encoded = base64Url(header);
            for (String token : List.of(encoded + "." + payload + ".", encoded + "." + payload,
                    encoded + "." + payload + "." + signature)) {
                for (JwtDecoder decoder : List.of(this.hs, this.rs, this.rsJwk, this.strict)) {
                    assertInvalidToken(() -> decoder.decode(token), token);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "HS256", "HS384", "HS512" })
    void decodeWhenHmacSignedWithTheRsaPublicKeyThenInvalidToken(String alg) throws JOSEException {
        assertThat(this.rs.decode(rs256(RSA, claims().build())).subject()).isEqualTo("johndoe");
        String pem = publicPem(RSA);
        List<byte[]> keys = List.of(pem.getBytes(StandardCharsets.US_ASCII),
                pem.strip().getBytes(StandardCharsets.US_ASCII), RSA.toPublicKey().getEncoded(),
                RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                RSA.getModulus().decode());
        for (byte[] key : keys) {
            String token = sign(macSigner(key), new JWSHeader(JWSAlgorithm.parse(alg)), claims().build());
            assertInvalidToken(() -> this.rs.decode(token), token);
            assertInvalidToken(() -> this.rsJwk.decode(token), token);
        }
    }

    @Test
    void decodeWhenSignedWithAnotherKeyThenInvalidToken() {
        String otherSecret = sign(macSigner((SECRET + "x").getBytes(StandardCharsets.UTF_8)),
                new JWSHeader(JWSAlgorithm.HS256), claims().build());
        assertInvalidToken(() -> this.hs.decode(otherSecret), otherSecret);
        String otherRsa = rs256(OTHER_RSA, claims().build());
        assertInvalidToken(() -> this.rs.decode(otherRsa), otherRsa);
        assertInvalidToken(() -> this.rsJwk.decode(otherRsa), otherRsa);
        String rsaForHmac = rs256(RSA, claims().build());
        assertInvalidToken(() -> this.hs.decode(rsaForHmac), rsaForHmac);
    }

    @Test
    void decodeWhenSignatureStrippedThenInvalidToken() {
        for (String token : List.of(hs256(claims().build()), rs256(RSA, claims().build()))) {
            String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
            String twoParts = token.substring(0, token.lastIndexOf('.'));
            for (String stripped : List.of(unsigned, twoParts)) {
                assertInvalidToken(() -> this.hs.decode(stripped), stripped);
                assertInvalidToken(() -> this.rs.decode(stripped), stripped);
            }
        }
    }

    @Test
    void decodeWhenPayloadTamperedThenInvalidToken() {
        for (String token : List.of(hs256(claims().build()), rs256(RSA, claims().build()))) {
            String[] parts = token.split("\\.");
            for (String payload : List.of(claims().subject("admin").build().toString(),
                    claims().claim("scope", "admin").build().toString(),
                    claims().expirationTime(Date.from(Instant.now().plusSeconds(86_400 * 365))).build().toString())) {
                String tampered = parts[0] + "." + base64Url(payload) + "." + parts[2];
                assertInvalidToken(() -> this.hs.decode(tampered), tampered);
                assertInvalidToken(() -> this.rs.decode(tampered), tampered);
            }
        }
    }

    @Test
    void decodeWhenExpiredThenInvalidToken() {
        String expired = hs256(claims().expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());
        assertInvalidToken(() -> this.hs.decode(expired), expired);
    }

    @Test
    void decodeWhenNotBeforeInTheFutureThenInvalidToken() {
        String early = hs256(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(3600))).build());
        assertInvalidToken(() -> this.hs.decode(early), early);
    }

    @Test
    void decodeWhenNoExpThenInvalidToken() {
        String forever = hs256(claims().expirationTime(null).build());
        assertInvalidToken(() -> this.hs.decode(forever), forever);
    }

    @Test
    void decodeWhenIssuerWrongOrMissingThenInvalidToken() {
        assertThat(this.strict.decode(hs256(claims().issuer(ISSUER).audience(AUDIENCE).build())).subject())
            .isEqualTo("johndoe");
        for (String issuer : List.of("https://evil.example.com", ISSUER + "/", ISSUER.toUpperCase(Locale.ROOT),
                ISSUER + "\u0000", "")) {
            String token = hs256(claims().issuer(issuer).audience(AUDIENCE).build());
            assertInvalidToken(() -> this.strict.decode(token), token);
        }
        String none = hs256(claims().audience(AUDIENCE).build());
        assertInvalidToken(() -> this.strict.decode(none), none);
    }

    @Test
    void decodeWhenAudienceWrongOrMissingThenInvalidToken() {
        for (List<String> audience : List.of(List.of("other-api"), List.of(AUDIENCE.toUpperCase(Locale.ROOT)),
                List.of(AUDIENCE + " "), List.<String>of())) {
            String token = hs256(claims().issuer(ISSUER).audience(audience).build());
            assertInvalidToken(() -> this.strict.decode(token), token);
        }
        String none = hs256(claims().issuer(ISSUER).build());
        assertInvalidToken(() -> this.strict.decode(none), none);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://example.com/must-understand", "x-padlock", "exp" })
    void decodeWhenUnknownCritHeaderThenInvalidToken(String param) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).criticalParams(Set.of(param))
            .customParam(param, "value")
            .build();
        String token = sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)), header, claims().build());
        assertInvalidToken(() -> this.hs.decode(token), token);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../etc/passwd", "../../../../../../../../dev/null", "/etc/shadow",
            "..\\..\\windows\\win.ini", "file:///etc/passwd", "key-1/../key-1", "key-1%2F..%2F..%2Fetc%2Fpasswd",
            "key-1' OR '1'='1", "' UNION SELECT 'secret' --", "'; DROP TABLE keys; --", "1; SELECT pg_sleep(10)",
            "key-1\u0000", "*", "%" })
    void decodeWhenKidIsPathTraversalOrSqlThenInvalidToken(String kid) {
        RSAKey configured = JwtTestSupport.rsa("key-1");
        JwtDecoder decoder = new JwtDecoder(
                anyAudience().publicKey(new JWKSet(configured.toPublicJWK()).toString()).build());
        assertThat(decoder.decode(rs256(configured, claims().build())).subject()).isEqualTo("johndoe");
        for (RSAKey signer : List.of(configured, OTHER_RSA)) {
            String token = sign(rsaSigner(signer), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    claims().build());
            assertInvalidToken(() -> decoder.decode(token), token);
        }
        String hmac = sign(macSigner((SECRET + kid).getBytes(StandardCharsets.UTF_8)),
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims().build());
        assertInvalidToken(() -> this.hs.decode(hmac), hmac);
    }

    @Test
    void decodeWhenJkuX5uOrEmbeddedJwkPointAtAListenerThenItGetsNoConnection() throws Exception {
        try (Listener listener = new Listener();
                JwtTestSupport.CountingServer configured = new JwtTestSupport.CountingServer()) {
            configured.serve(new JWKSet(RSA.toPublicJWK()).toString());
            JwtDecoder fromUrl = new JwtDecoder(
                    anyAudience().jwkSetUri(configured.url("/jwks.json")).build());
            assertThat(fromUrl.decode(rs256(RSA, claims().build())).subject()).isEqualTo("johndoe");
            URI jwks = URI.create(listener.url("/jwks.json"));
            URI cert = URI.create(listener.url("/cert.pem"));
            List<JWSHeader> headers = List.of(new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(jwks).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertURL(cert).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(OTHER_RSA.toPublicJWK()).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").jwkURL(jwks).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwkURL(jwks)
                        .x509CertURL(cert)
                        .jwk(OTHER_RSA.toPublicJWK())
                        .x509CertChain(List.of(Base64.encode(OTHER_RSA.toPublicKey().getEncoded())))
                        .keyID("attacker")
                        .build());
            for (JWSHeader header : headers) {
                String token = sign(rsaSigner(OTHER_RSA), header, claims().build());
                for (JwtDecoder decoder : List.of(this.rs, this.rsJwk, fromUrl)) {
                    assertInvalidToken(() -> decoder.decode(token), token);
                }
            }
            Thread.sleep(200);
            assertThat(listener.connections()).as("connections to the attacker's listener").isZero();
        }
    }

    @Test
    void decodeWhenClaimsNestedTenThousandLevelsOrAsDeepAsFitsThenInvalidToken() {
        String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
        String tenThousand = "{\"sub\":\"johndoe\",\"exp\":" + exp + ",\"a\":" + "{\"a\":".repeat(10_000) + "1"
                + "}".repeat(10_000) + "}";
        String tenThousandToken = signPayload(new JWSHeader(JWSAlgorithm.HS256), tenThousand);
        assertInvalidToken(() -> this.hs.decode(tenThousandToken), tenThousandToken);
        // within the length limit, so that the JSON parser itself meets the nesting (6 characters, 8 in base64url)
        int levels = (CompactJws.MAX_LENGTH - 200) / 8;
        String deepest = "{\"sub\":\"johndoe\",\"exp\":" + exp + ",\"a\":" + "{\"a\":".repeat(levels) + "1"
                + "}".repeat(levels) + "}";
        String deepestToken = signPayload(new JWSHeader(JWSAlgorithm.HS256), deepest);
        assertThat(deepestToken.length()).isLessThanOrEqualTo(CompactJws.MAX_LENGTH);
        assertInvalidToken(() -> this.hs.decode(deepestToken), deepestToken);
        String arrays = "{\"sub\":\"johndoe\",\"exp\":" + exp + ",\"a\":" + "[".repeat(levels * 3 / 2)
                + "]".repeat(levels * 3 / 2) + "}";
        String arraysToken = signPayload(new JWSHeader(JWSAlgorithm.HS256), arrays);
        assertThat(arraysToken.length()).isLessThanOrEqualTo(CompactJws.MAX_LENGTH);
        assertInvalidToken(() -> this.hs.decode(arraysToken), arraysToken);
    }

    @Test
    void decodeWhenNestedToTheBoundThenAcceptedAndOneLevelMoreThenInvalidToken() throws JOSEException {
        String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
        int inner = CompactJws.MAX_DEPTH - 1;
        String atTheBound = signPayload(new JWSHeader(JWSAlgorithm.HS256), "{\"sub\":\"johndoe\",\"exp\":" + exp
                + ",\"a\":" + "[".repeat(inner) + "]".repeat(inner) + "}");
        assertThat(this.hs.decode(atTheBound).subject()).isEqualTo("johndoe");
        String oneMore = signPayload(new JWSHeader(JWSAlgorithm.HS256), "{\"sub\":\"johndoe\",\"exp\":" + exp
                + ",\"a\":" + "{\"a\":".repeat(inner) + "[1]" + "}".repeat(inner) + "}");
        assertInvalidToken(() -> this.hs.decode(oneMore), oneMore);
        String payload = base64Url(claims().build().toString());
        String headerAtTheBound = signHeader("{\"alg\":\"HS256\",\"x\":" + "[".repeat(inner) + "]".repeat(inner)
                + "}", payload);
        assertThat(this.hs.decode(headerAtTheBound).subject()).isEqualTo("johndoe");
        String headerOneMore = signHeader("{\"alg\":\"HS256\",\"x\":" + "[".repeat(inner + 1)
                + "]".repeat(inner + 1) + "}", payload);
        assertInvalidToken(() -> this.hs.decode(headerOneMore), headerOneMore);
    }

    @Test
    void decodeWhenBracketsInStringsThenNotCountedAsNesting() {
        String brackets = "[{".repeat(100) + "\\\"]}" + "[".repeat(100);
        String token = hs256(claims().claim("note", brackets).build());
        assertThat(this.hs.decode(token).claims()).containsEntry("note", brackets);
    }

    /**
     * nimbus's JSON parser (Gson) is lenient: it takes single-quoted strings and comments, which could hide brackets
     * from the nesting bound, and which are not JSON (RFC 8259); such a token is refused even when properly signed.
     */
    @Test
    void decodeWhenPayloadIsLenientJsonWithQuotesOrCommentsThenInvalidToken() {
        String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
        String hidden = "[".repeat(100) + "]".repeat(100);
        for (String payload : List.of("{'sub':'johndoe','exp':" + exp + "}",
                "{\"sub\":\"johndoe\",\"exp\":" + exp + ",'a':'\"'," + hidden + ":1}",
                "{\"sub\":\"johndoe\",\"exp\":" + exp + " /* \" */ ,\"a\":" + hidden + "}",
                "{\"sub\":\"johndoe\",\"exp\":" + exp + " // x\n}",
                "{\"sub\":\"johndoe\",\"exp\":" + exp + " # x\n}")) {
            String token = signPayload(new JWSHeader(JWSAlgorithm.HS256), payload);
            assertInvalidToken(() -> this.hs.decode(token), token);
        }
    }

    /** A token whose header is exactly the JSON given, signed with {@code SECRET}. */
    private static String signHeader(String headerJson, String encodedPayload) throws JOSEException {
        String signingInput = base64Url(headerJson) + "." + encodedPayload;
        return signingInput + "." + macSigner(SECRET.getBytes(StandardCharsets.UTF_8))
            .sign(new JWSHeader(JWSAlgorithm.HS256), signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decodeWhenTokenIsOneMegabyteThenInvalidTokenAtOnce() {
        String signed = hs256(claims().claim("padding", "x".repeat(1024 * 1024)).build());
        assertThat(signed.length()).isGreaterThan(1024 * 1024);
        String garbage = "a".repeat(512 * 1024) + "." + "b".repeat(512 * 1024) + ".c";
        long start = System.nanoTime();
        assertInvalidToken(() -> this.hs.decode(signed), signed);
        assertInvalidToken(() -> this.hs.decode(garbage), garbage);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused before parsing")
            .isLessThan(Duration.ofSeconds(2));
    }

    /**
     * A TCP listener on 127.0.0.1 and a free port that counts the connections it is offered: any fetch of a
     * {@code jku}/{@code x5u} URL, HTTP or not, shows.
     */
    static final class Listener implements AutoCloseable {

        private final ServerSocket socket;

        private final AtomicInteger connections = new AtomicInteger();

        private final Thread acceptor;

        Listener() throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            this.acceptor = new Thread(() -> {
                while (!this.socket.isClosed()) {
                    try (Socket accepted = this.socket.accept()) {
                        this.connections.incrementAndGet();
                    }
                    catch (SocketException ex) {
                        return;
                    }
                    catch (IOException ex) {
                        // count the next one
                    }
                }
            }, "jwt-attack-listener");
            this.acceptor.setDaemon(true);
            this.acceptor.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + this.socket.getLocalPort() + path;
        }

        int connections() {
            return this.connections.get();
        }

        @Override
        public void close() throws Exception {
            this.socket.close();
            this.acceptor.join(2000);
        }
    }

    /**
     * A few of the attacks against a running application: 401 problem+json with the challenge, never the token.
     */
    @Nested
    @SpringBootTest(classes = OverHttp.JwtApplication.class, properties = {
            "padlock.schemes.oauth2.type=oauth2-password-bearer", "padlock.schemes.oauth2.token-url=/token",
            "padlock.verifiers.tokenUser.type=jwt", "padlock.verifiers.tokenUser.scheme=oauth2",
            "padlock.jwt.secret=" + SECRET })
    @AutoConfigureMockMvc
    class OverHttp {

        @Autowired
        private MockMvcTester mvc;

        @Test
        void getWhenHonestTokenThenOk() {
            assertThat(get(hs256(claims().build()))).hasStatusOk();
        }

        @ParameterizedTest
        @MethodSource("io.github.padlock.jwt.JwtAttackTests#noneInEveryCasing")
        void getWhenAlgNoneThenInvalidTokenProblem(String none) {
            String token = base64Url("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "."
                    + base64Url(claims().build().toString()) + ".";
            assertInvalidTokenProblem(get(token), token);
        }

        @Test
        void getWhenSignedWithAnotherKeyExpiredOrTamperedThenInvalidTokenProblem() {
            String honest = hs256(claims().build());
            String[] parts = honest.split("\\.");
            for (String token : List.of(sign(macSigner((SECRET + "x").getBytes(StandardCharsets.UTF_8)),
                    new JWSHeader(JWSAlgorithm.HS256), claims().build()),
                    hs256(claims().expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()),
                    parts[0] + "." + base64Url(claims().subject("admin").build().toString()) + "." + parts[2],
                    parts[0] + "." + parts[1] + ".")) {
                assertInvalidTokenProblem(get(token), token);
            }
        }

        @Test
        void getWhenDeeplyNestedOrOneMegabyteThenInvalidTokenProblem() {
            String exp = String.valueOf(Instant.now().plusSeconds(300).getEpochSecond());
            int levels = (CompactJws.MAX_LENGTH - 200) / 8;
            String nested = signPayload(new JWSHeader(JWSAlgorithm.HS256), "{\"sub\":\"johndoe\",\"exp\":" + exp
                    + ",\"a\":" + "{\"a\":".repeat(levels) + "1" + "}".repeat(levels) + "}");
            assertInvalidTokenProblem(get(nested), nested);
            String huge = hs256(claims().claim("padding", "x".repeat(1024 * 1024)).build());
            assertInvalidTokenProblem(get(huge), huge);
        }

        private MvcTestResult get(String token) {
            return this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
        }

        private static void assertInvalidTokenProblem(MvcTestResult result, String token) {
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Invalid token");
            assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
            String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
            for (String part : token.split("\\.")) {
                if (part.length() >= 8) {
                    assertThat(body).doesNotContain(part);
                }
            }
        }

        @SpringBootConfiguration
        @EnableAutoConfiguration
        @Import(MeController.class)
        static class JwtApplication {

        }

        @RestController
        static class MeController {

            @GetMapping("/users/me")
            Map<String, Object> me(@SecurityParam("tokenUser") JwtPrincipal principal) {
                return Map.of("subject", principal.subject());
            }
        }
    }
}
