package io.github.padlock.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.scheme.HttpBearer;
import io.github.padlock.scheme.HttpDigest;
import io.github.padlock.scheme.OpenIdConnect;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every Padlock scheme on a real server, for the hostile-request corpus and the concurrency tests: the schemes,
 * users, API keys and built-in verifiers come from {@code hostile/hostile.yml}; the opaque bearer tokens, the Digest
 * credentials and the OpenID Connect verifier are beans here. Each endpoint answers {@code {"name": <principal>}}.
 * <p>
 * No component scanning: package {@code web} holds other tests' controllers too, so the one controller is imported.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HostileTestApplication.PrincipalController.class)
public class HostileTestApplication {

    /** The challenge of a refused opaque bearer token (RFC 6750 §3.1). */
    static final String BEARER_INVALID = "Bearer error=\"invalid_token\"";

    /** The challenge of a refused JWT: {@code JwtDecoder}'s. */
    static final String JWT_INVALID = "Bearer error=\"invalid_token\", error_description=\"Invalid token\"";

    /** The API keys of {@code hostile.yml}, whose SHA-256 hashes are stored there. */
    static final Map<String, String> API_KEYS = Map.of(
            "alpha", "alpha.e2aExBtWL_mzx_19e65dLFLrv7vtUleYQnzWXfR-2tE",
            "beta", "beta.WEwF0nxF_WjgInu9cBhtZFSyrJW37RmzXrYq7FQXlnc",
            "gamma", "gamma.s_wAZrlakCrf_pGPyA2Hc0yvIAAphIY0-nnp_gWgUVw",
            "delta", "delta.MeZa99ay1Nd2aEc56SH1UNGMGDQRh2H9XEOG_oOYLqM");

    /** The {@code {noop}} users of {@code hostile.yml} and their passwords. */
    static final Map<String, String> PASSWORDS = Map.of("ann", "ann-Pw-4be1c9", "bob", "bob-Pw-77d0a2", "cid",
            "cid-Pw-19f3e8", "dee", "dee-Pw-c20b6d", "eve", "eve-Pw-5a8e41", "fay", "fay-Pw-e6d913", "gus",
            "gus-Pw-0c7fb5", "hal", "hal-Pw-a94d2e");

    /** stanley's bcrypt password, as in the demo. */
    static final String STANLEY_PASSWORD = "password123";

    /** Opaque bearer tokens and whose they are. */
    static final Map<String, String> OPAQUE_TOKENS = Map.of("opaque-ann-6c1f0e9b2d7a4458", "ann",
            "opaque-bob-0a93d5e7c1b24f66", "bob", "opaque-cid-f47e2b8a90c3d115", "cid");

    /** The one accepted Digest credential (a fixed response: the scheme, not the Digest algorithm, is under test). */
    static final String DIGEST_CREDENTIALS = "username=\"dee\", realm=\"hostile\", nonce=\"dcd98b7102dd2f0e8b11d0f6\", "
            + "uri=\"/digest\", response=\"6629fae49393a05397450978507c4ef1\"";

    /**
     * {@code {noop}} for new hashes and for the dummy check that every refused password costs (stored {@code {bcrypt}}
     * hashes still check as bcrypt): the concurrency tests send 100,000 requests, a fifth of them wrong passwords, on
     * a shared 2-core machine, and a bcrypt check of 50-100 ms each would make hashing, not request handling, the whole
     * test. Never do this in an application; the timing of refusals is {@code UserAuthenticatorTests}' subject.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("noop", Map.of("noop", NoOpPasswordEncoder.getInstance(), "bcrypt",
                new BCryptPasswordEncoder()));
    }

    @Bean
    Verifier<String> bearerUser(HttpBearer bearer) {
        return Verifier.of(bearer, (credentials, scopes) -> {
            byte[] presented = Objects.requireNonNull(credentials).credentials().getBytes(StandardCharsets.UTF_8);
            String owner = null;
            for (Map.Entry<String, String> token : OPAQUE_TOKENS.entrySet()) {
                if (MessageDigest.isEqual(presented, token.getKey().getBytes(StandardCharsets.UTF_8))) {
                    owner = token.getValue();
                }
            }
            if (owner == null) {
                throw new NotAuthenticatedException("Invalid token", BEARER_INVALID);
            }
            return owner;
        });
    }

    @Bean
    Verifier<String> digestUser(HttpDigest digest) {
        return Verifier.of(digest, (credentials, scopes) -> {
            byte[] presented = Objects.requireNonNull(credentials).credentials().getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(presented, DIGEST_CREDENTIALS.getBytes(StandardCharsets.UTF_8))) {
                throw new NotAuthenticatedException("Invalid credentials", "Digest");
            }
            return "dee";
        });
    }

    /** OpenIdConnect hands over the whole {@code Authorization} value, as FastAPI's does; the JWT follows "Bearer ". */
    @Bean
    Verifier<JwtPrincipal> oidcUser(OpenIdConnect oidc, JwtDecoder jwt) {
        return Verifier.of(oidc, (authorization, scopes) -> {
            String value = Objects.requireNonNull(authorization);
            if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new NotAuthenticatedException("Invalid token", JWT_INVALID);
            }
            return jwt.decode(value.substring(7).strip());
        });
    }

    @RestController
    static class PrincipalController {

        /**
         * Unprotected: whether requests run on virtual threads ({@code spring.threads.virtual.enabled}); told by the
         * thread's name, since the sources compile for Java 17, which has no {@code Thread.isVirtual()}.
         */
        @GetMapping("/thread")
        Map<String, Boolean> thread() {
            return Map.of("virtual", Thread.currentThread().toString().startsWith("VirtualThread"));
        }

        @GetMapping("/basic")
        Map<String, String> basic(@SecurityParam("basicUser") UserPrincipal user) {
            return Map.of("name", user.username());
        }

        @GetMapping("/bearer")
        Map<String, String> bearer(@SecurityParam("bearerUser") String user) {
            return Map.of("name", user);
        }

        @GetMapping("/digest")
        Map<String, String> digest(@SecurityParam("digestUser") String user) {
            return Map.of("name", user);
        }

        @GetMapping("/key/header")
        Map<String, String> headerKey(@SecurityParam("headerKeyUser") ApiKeyPrincipal key) {
            return Map.of("name", key.id());
        }

        @GetMapping("/key/query")
        Map<String, String> queryKey(@SecurityParam("queryKeyUser") ApiKeyPrincipal key) {
            return Map.of("name", key.id());
        }

        @GetMapping("/key/cookie")
        Map<String, String> cookieKey(@SecurityParam("cookieKeyUser") ApiKeyPrincipal key) {
            return Map.of("name", key.id());
        }

        @GetMapping("/oauth2")
        Map<String, String> oauth2(@SecurityParam("tokenUser") JwtPrincipal principal) {
            return Map.of("name", principal.subject());
        }

        @GetMapping("/oidc")
        Map<String, String> oidc(@SecurityParam("oidcUser") JwtPrincipal principal) {
            return Map.of("name", principal.subject());
        }
    }
}
