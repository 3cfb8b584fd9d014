package io.github.padlock.oauth2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.github.padlock.NotAuthenticatedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Keys, tokens signed by nimbus, hand-crafted tokens, a counting local HTTP server, and the one assertion every
 * refusal needs.
 */
final class JwtTestSupport {

    static final String SECRET = "test-secret-with-more-than-32-bytes-of-key-material";

    static final String CHALLENGE = "Bearer error=\"invalid_token\", error_description=\"Invalid token\"";

    /** Shared, since generating RSA keys takes a while. */
    static final RSAKey RSA = rsa(null);

    static final RSAKey OTHER_RSA = rsa(null);

    static final ECKey EC = ec(Curve.P_256, null);

    private JwtTestSupport() {
    }

    static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static ECKey ec(Curve curve, String keyId) {
        try {
            return new ECKeyGenerator(curve).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String pem(String type, Key key) {
        return pem(type, key.getEncoded());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    static String publicPem(RSAKey key) {
        try {
            return pem("PUBLIC KEY", key.toPublicKey());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String privatePem(RSAKey key) {
        try {
            return pem("PRIVATE KEY", key.toPrivateKey());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Claims a default verifier accepts: {@code sub} and an {@code exp} five minutes ahead. */
    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("johndoe")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)));
    }

    static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }

    static String hs256(JWTClaimsSet claims) {
        return sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)), new JWSHeader(JWSAlgorithm.HS256), claims);
    }

    static String rs256(RSAKey key, JWTClaimsSet claims) {
        return sign(rsaSigner(key), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    }

    static String es(ECKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            return sign(new ECDSASigner(key), new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static JWSSigner macSigner(byte[] secret) {
        try {
            return new MACSigner(secret);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A JWS signed by nimbus over an arbitrary payload, which need not be a valid claims set. */
    static String signPayload(JWSHeader header, String payload) {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(macSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jws.serialize();
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The refusal every check ends in: 401, detail {@code Invalid token}, exactly one generic challenge, and
     * nothing of the token.
     */
    static void assertInvalidToken(ThrowingCallable call, String token) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the refusal").isExactlyInstanceOf(NotAuthenticatedException.class);
        NotAuthenticatedException ex = (NotAuthenticatedException) thrown;
        assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ex.getBody().getDetail()).isEqualTo("Invalid token");
        assertThat(ex.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(CHALLENGE);
        assertThat(ex.getCause()).isNull();
        if (token.length() >= 8) {
            assertThat(ex.getMessage()).doesNotContain(token);
            assertThat(ex.getHeaders().toString()).doesNotContain(token);
            for (String part : token.split("\\.")) {
                if (part.length() >= 8) {
                    assertThat(ex.getMessage()).doesNotContain(part);
                }
            }
        }
    }

    /**
     * An HTTP server on 127.0.0.1 and a free port that answers every request with the current body and counts the
     * requests.
     */
    static final class CountingServer implements AutoCloseable {

        private final HttpServer server;

        private final AtomicInteger requests = new AtomicInteger();

        private final AtomicReference<String> body = new AtomicReference<>("{\"keys\":[]}");

        private final AtomicInteger status = new AtomicInteger(200);

        CountingServer() throws IOException {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            this.server.createContext("/", (exchange) -> {
                this.requests.incrementAndGet();
                try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                    in.readAllBytes();
                    byte[] bytes = this.body.get().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(this.status.get(), bytes.length);
                    out.write(bytes);
                }
            });
            this.server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
        }

        int requests() {
            return this.requests.get();
        }

        void serve(String body) {
            this.body.set(body);
        }

        void status(int status) {
            this.status.set(status);
        }

        @Override
        public void close() {
            this.server.stop(0);
        }
    }
}
