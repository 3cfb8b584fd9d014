package io.github.padlock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.scheme.HttpAuthorizationCredentials;
import io.github.padlock.scheme.HttpBearer;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every Padlock logger at TRACE and Spring MVC's at DEBUG, an application with HTTP Basic over
 * {@code padlock.users}, an API-key header over {@code padlock.api-keys}, an opaque bearer token checked by the
 * application, and JWTs and refresh tokens issued by the token endpoint (refreshed, reused, revoked), answers
 * successful and failing requests — and the captured
 * output, start-up included, contains none of the passwords, keys, tokens or the JWT secret they used.
 * <p>
 * That the capture sees Padlock's TRACE lines is checked with a sentinel line; that the test can fail was checked by
 * logging the password at DEBUG from {@code UserAuthenticator.check} for one run (the test failed on it).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SecretsInLogsTests.LoggedApplication.class, properties = {
        "logging.level.io.github.padlock=TRACE", "logging.level.org.springframework.web=DEBUG",
        "padlock.schemes.basic.type=http-basic", "padlock.schemes.basic.realm=logs",
        "padlock.verifiers.basicUser.type=users", "padlock.verifiers.basicUser.scheme=basic",
        "padlock.schemes.apiKey.type=api-key-header", "padlock.schemes.apiKey.name=X-API-KEY",
        "padlock.verifiers.keyUser.type=api-keys", "padlock.verifiers.keyUser.scheme=apiKey",
        "padlock.schemes.bearer.type=http-bearer",
        "padlock.schemes.oauth2.type=oauth2-password-bearer",
        "padlock.verifiers.tokenUser.type=jwt", "padlock.verifiers.tokenUser.scheme=oauth2",
        "padlock.jwt.secret=" + SecretsInLogsTests.JWT_SECRET, "padlock.token-endpoint.enabled=true",
        "padlock.token-endpoint.refresh-tokens.enabled=true" })
@AutoConfigureMockMvc
class SecretsInLogsTests {

    static final String JWT_SECRET = "jwt-secret-Qm7Zt2Lx9Vb4Nc8Rw1Ks6Hd3Fj5Gp0Ya";

    private static final String PASSWORD = "pw-Xq4Lm8Zr2Tn6Vb1";

    private static final String WRONG_PASSWORD = "pw-Wrong-Jk3Hs7Dd9Ff2";

    private static final String API_KEY = "reporting.ak-Pz5Yx1Cv7Bn3Mm8Qq2Ww6Ee4Rr";

    private static final String WRONG_API_KEY = "reporting.ak-Wrong-Tt9Yy3Uu7Ii1Oo5";

    private static final String OPAQUE_TOKEN = "opaque-Gg4Hh8Jj2Kk6Ll0Zz3Xx7";

    private static final String WRONG_OPAQUE_TOKEN = "opaque-Wrong-Cc5Vv9Bb3Nn7";

    @Autowired
    private MockMvcTester mvc;

    @DynamicPropertySource
    static void hashes(DynamicPropertyRegistry registry) {
        registry.add("padlock.users.stanley.password",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
        registry.add("padlock.api-keys.reporting.hash", () -> "sha256:" + sha256Hex(API_KEY));
    }

    @Test
    void requestsWhenEveryPadlockLoggerAtTraceThenNoSecretInTheLogs(CapturedOutput output) {
        List<String> secrets = new ArrayList<>(List.of(JWT_SECRET, PASSWORD, WRONG_PASSWORD, API_KEY, WRONG_API_KEY,
                OPAQUE_TOKEN, WRONG_OPAQUE_TOKEN, basic("stanley:" + PASSWORD), basic("stanley:" + WRONG_PASSWORD),
                secretPart(API_KEY), secretPart(WRONG_API_KEY)));

        assertThat(basic(this.mvc, "stanley:" + PASSWORD)).hasStatusOk();
        assertThat(basic(this.mvc, "stanley:" + WRONG_PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(basic(this.mvc, "nobody:" + PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(this.mvc.get().uri("/basic").header(HttpHeaders.AUTHORIZATION, "Basic " + PASSWORD))
            .hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(get("/key", "X-API-KEY", API_KEY)).hasStatusOk();
        assertThat(get("/key", "X-API-KEY", WRONG_API_KEY)).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(get("/opaque", HttpHeaders.AUTHORIZATION, "Bearer " + OPAQUE_TOKEN)).hasStatusOk();
        assertThat(get("/opaque", HttpHeaders.AUTHORIZATION, "Bearer " + WRONG_OPAQUE_TOKEN))
            .hasStatus(HttpStatus.UNAUTHORIZED);

        MvcTestResult issued = token("grant_type=password&username=stanley&password=" + PASSWORD);
        assertThat(issued).hasStatusOk();
        String accessToken = JsonPath.read(new String(issued.getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8), "$.access_token");
        secrets.add(accessToken);
        secrets.add(accessToken.substring(accessToken.lastIndexOf('.') + 1));
        assertThat(token("grant_type=password&username=stanley&password=" + WRONG_PASSWORD))
            .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(token("grant_type=client_credentials&username=stanley&password=" + PASSWORD + "&client_secret="
                + WRONG_OPAQUE_TOKEN)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get("/jwt", HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)).hasStatusOk();
        String tampered = accessToken.substring(0, accessToken.lastIndexOf('.')) + ".AAAA"
                + accessToken.substring(accessToken.lastIndexOf('.') + 5);
        secrets.add(tampered);
        assertThat(get("/jwt", HttpHeaders.AUTHORIZATION, "Bearer " + tampered)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(get("/jwt", HttpHeaders.AUTHORIZATION, "Bearer " + accessToken + "x"))
            .hasStatus(HttpStatus.UNAUTHORIZED);

        // Last: reusing a refresh token revokes its family, the access token above with it.
        String refreshToken = JsonPath.read(new String(issued.getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8), "$.refresh_token");
        secrets.add(refreshToken);
        secrets.add(sha256Base64Url(refreshToken));
        MvcTestResult refreshed = token("grant_type=refresh_token&refresh_token=" + refreshToken);
        assertThat(refreshed).hasStatusOk();
        String secondRefreshToken = JsonPath.read(new String(refreshed.getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8), "$.refresh_token");
        secrets.add(secondRefreshToken);
        secrets.add(sha256Base64Url(secondRefreshToken));
        assertThat(token("grant_type=refresh_token&refresh_token=" + refreshToken)).as("reused: family revoked")
            .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(token("grant_type=refresh_token&refresh_token=" + WRONG_OPAQUE_TOKEN))
            .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(this.mvc.post().uri("/token/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("token=" + secondRefreshToken)).hasStatusOk();
        LogFactory.getLog("io.github.padlock.SecretsInLogsTests").trace("sentinel: Padlock TRACE is captured");
        assertThat(output.getAll()).as("the capture sees Padlock's TRACE lines")
            .contains("sentinel: Padlock TRACE is captured")
            .as("the capture sees Spring MVC's DEBUG lines")
            .contains("Resolved [io.github.padlock.NotAuthenticatedException: 401 UNAUTHORIZED");
        for (String secret : secrets) {
            assertThat(output.getAll()).as("the log output").doesNotContain(secret);
        }
    }

    private MvcTestResult get(String path, String header, String value) {
        return this.mvc.get().uri(path).header(header, value).exchange();
    }

    private static MvcTestResult basic(MockMvcTester mvc, String credentials) {
        return mvc.get().uri("/basic").header(HttpHeaders.AUTHORIZATION, "Basic " + basic(credentials)).exchange();
    }

    private MvcTestResult token(String form) {
        return this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form)
            .exchange();
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String secretPart(String key) {
        return key.substring(key.indexOf('.') + 1);
    }

    private static String sha256Base64Url(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(LoggedController.class)
    static class LoggedApplication {

        /** An opaque bearer token, checked by the application, as FastAPI's tutorials do. */
        @Bean
        Verifier<String> opaqueUser(HttpBearer bearer) {
            return Verifier.of(bearer, (HttpAuthorizationCredentials credentials, SecurityScopes scopes) -> {
                if (credentials == null || !MessageDigest.isEqual(credentials.credentials()
                    .getBytes(StandardCharsets.UTF_8), OPAQUE_TOKEN.getBytes(StandardCharsets.UTF_8))) {
                    throw new NotAuthenticatedException("Invalid token", "Bearer");
                }
                return "opaque-user";
            });
        }
    }

    @RestController
    static class LoggedController {

        @GetMapping("/basic")
        String basic(@SecurityParam("basicUser") UserPrincipal user) {
            return user.username();
        }

        @GetMapping("/key")
        String key(@SecurityParam("keyUser") ApiKeyPrincipal key) {
            return key.id();
        }

        @GetMapping("/opaque")
        String opaque(@SecurityParam("opaqueUser") String user) {
            return user;
        }

        @GetMapping("/jwt")
        Map<String, Object> jwt(@SecurityParam("tokenUser") JwtPrincipal principal) {
            return Map.of("subject", principal.subject());
        }
    }
}
