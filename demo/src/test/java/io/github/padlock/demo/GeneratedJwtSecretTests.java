package io.github.padlock.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code PADLOCK_JWT_SECRET} the demo signs with a random secret of its own, says so at WARN without printing
 * it, and refuses tokens signed with the secret it used to fall back to, which the repository published.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedJwtSecretTests {

    /** The fallback of application.yml until the demo generated its secret: anyone could read it. */
    private static final String PUBLISHED = "padlock-demo-development-secret-not-for-production";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void startWhenNoSecretVariableThenRandomSecretAnnouncedAtWarnAndNeverPrinted(CapturedOutput output)
            throws Exception {
        Assumptions.assumeTrue(System.getenv(GeneratedJwtSecret.VARIABLE) == null, "PADLOCK_JWT_SECRET is set");
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            String secret = first.getEnvironment().getProperty("padlock.jwt.secret");
            assertThat(secret).isNotEqualTo(PUBLISHED)
                .isNotEqualTo(second.getEnvironment().getProperty("padlock.jwt.secret"));
            assertThat(Base64.getDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(32);
            assertThat(output.getAll().lines().filter((line) -> line.contains(" WARN ")
                    && line.contains("PADLOCK_JWT_SECRET is not set, so the demo signs and checks its tokens with a "
                            + "random secret"))).hasSize(2);
            assertThat(output.getAll()).doesNotContain(secret).doesNotContain(secret.substring(0, 12));

            String forged = sign(PUBLISHED);
            assertThat(usersMeOauth(first, forged).statusCode()).as("a token signed with the published secret")
                .isEqualTo(401);
            String issued = token(first);
            assertThat(usersMeOauth(first, issued).statusCode()).isEqualTo(200);
            assertThat(usersMeOauth(second, issued).statusCode()).as("another start-up, another secret")
                .isEqualTo(401);
        }
    }

    @Test
    void startWhenSecretVariableSetThenItIsUsedAndNothingIsGenerated(CapturedOutput output) throws Exception {
        String given = "Zt0vQ9mXc4Lw7Rb2Hn8Kp5Js1Fd6Gy3A";
        try (ConfigurableApplicationContext context = start("--" + GeneratedJwtSecret.VARIABLE + "=" + given)) {
            assertThat(context.getEnvironment().getProperty("padlock.jwt.secret")).isEqualTo(given);
            assertThat(context.getEnvironment().getPropertySources()
                .contains(GeneratedJwtSecret.PROPERTY_SOURCE_NAME)).isFalse();
            assertThat(output.getAll()).doesNotContain("PADLOCK_JWT_SECRET is not set");
            assertThat(usersMeOauth(context, sign(given)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void startWhenPadlockJwtSecretSetAnotherWayThenNothingIsGenerated(CapturedOutput output) throws Exception {
        String given = "Hq2Wc7Nx4Tb9Lm1Vr6Kd3Zs8Pf5Gy0Je";
        try (ConfigurableApplicationContext context = start("--padlock.jwt.secret=" + given)) {
            assertThat(context.getEnvironment().getPropertySources()
                .contains(GeneratedJwtSecret.PROPERTY_SOURCE_NAME)).isFalse();
            assertThat(output.getAll()).doesNotContain("PADLOCK_JWT_SECRET is not set");
            assertThat(usersMeOauth(context, sign(given)).statusCode()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(DemoApplication.class).run(all);
    }

    /** A token for stanley with both scopes, as the demo's token endpoint would issue it, signed with secret. */
    private static String sign(String secret) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("stanley")
            .issuer("padlock-demo")
            .claim("scope", "items:read items:write")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private String token(ConfigurableApplicationContext context) throws Exception {
        HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri(context, "/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers
                .ofString("grant_type=password&username=stanley&password=password123&scope=items:read"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    private HttpResponse<String> usersMeOauth(ConfigurableApplicationContext context, String token) throws Exception {
        return this.client.send(HttpRequest.newBuilder(uri(context, "/users/me/oauth"))
            .header("Authorization", "Bearer " + token)
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext context, String path) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
    }
}
