package io.github.padlock.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.padlock.credentials.ApiKeyHashes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's {@code /actuator/padlock} (exposed by its {@code application.yml}) against a golden file, strictly: its
 * three schemes, its verifiers and their chains, and every handler with what it requires — public on purpose where
 * marked, unguarded for Springdoc's and Actuator's own. And none of the demo's secrets: its API key and the key's
 * hash, its JWT secret, its users' passwords and password hashes, its users' names.
 * <p>
 * To regenerate the golden file after a deliberate change, run with {@code -Dpadlock-tests.golden.write=true} and review
 * the diff.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoActuatorTests {

    private static final String GOLDEN = "actuator/padlock.json";

    /** The demo's API key, of which application.yml holds the SHA-256. */
    private static final String API_KEY = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c";

    private static final Pattern PASSWORD_HASH = Pattern.compile("'\\{bcrypt}([^']+)'");

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private Environment environment;

    @Test
    void padlockWhenRequestedThenMatchesGoldenFile() throws IOException {
        MvcTestResult result = this.mvc.get().uri("/actuator/padlock").exchange();
        assertThat(result).hasStatusOk();
        String actual = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("padlock-tests.golden.write")) {
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(Path.of("src/test/resources", GOLDEN),
                    json.writeValueAsString(json.readTree(actual)) + "\n");
        }
        String golden = new ClassPathResource(GOLDEN).getContentAsString(StandardCharsets.UTF_8);
        assertThat(result).bodyJson().isStrictlyEqualTo(golden);
    }

    @Test
    void padlockWhenRequestedThenNoSecretOfTheDemo() throws IOException {
        String body = this.mvc.get()
            .uri("/actuator/padlock")
            .exchange()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>(List.of(API_KEY, "X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c",
                "password123", "secret2", "stanley", "alice"));
        // the key's SHA-256, as data.sql stores it in padlock_api_keys
        secrets.add(ApiKeyHashes.hash(API_KEY).substring("sha256:".length()));
        secrets.add(this.environment.getRequiredProperty("padlock.jwt.secret"));
        Matcher hashes = PASSWORD_HASH.matcher(new ClassPathResource("data.sql").getContentAsString(
                StandardCharsets.UTF_8));
        while (hashes.find()) {
            secrets.add(hashes.group(1));
        }
        assertThat(secrets).hasSize(10).allSatisfy((secret) -> assertThat(body).doesNotContain(secret));
    }
}
