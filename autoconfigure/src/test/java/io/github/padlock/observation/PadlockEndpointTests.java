package io.github.padlock.observation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/padlock} on a real server, exposed as an application exposes it: the schemes, the verifiers
 * with their types and edges, and each of the application's handlers with what it requires, against a hand-written
 * file, strictly; Actuator's own handlers listed as unguarded; and none of the application's secrets anywhere.
 * <p>
 * To regenerate the file after a deliberate change, run with {@code -Dpadlock-tests.golden.write=true} and review the
 * diff.
 */
@TestPropertySource(EndpointTestApplication.PROPERTIES)
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=padlock")
class PadlockEndpointTests {

    private static final String EXPECTED = "endpoint/test-application.json";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void padlockWhenExposedThenSchemesVerifiersAndTheApplicationsHandlers() throws Exception {
        HttpResponse<String> response = get("/actuator/padlock");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
        Map<String, Object> body = new LinkedHashMap<>(JsonPath.parse(response.body()).read("$"));
        body.put("handlers", JsonPath.parse(response.body())
            .read("$.handlers[?(@.handler =~ /" + EndpointTestApplication.class.getName().replace(".", "\\.")
                    + ".*/)]"));
        String actual = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
            .writeValueAsString(body);
        if (Boolean.getBoolean("padlock-tests.golden.write")) {
            Files.writeString(Path.of("src/test/resources", EXPECTED), actual + "\n");
        }
        String expected = new ClassPathResource(EXPECTED).getContentAsString(StandardCharsets.UTF_8);
        JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
    }

    @Test
    void padlockWhenExposedThenActuatorsOwnHandlersListedAsUnguarded() throws Exception {
        String body = get("/actuator/padlock").body();
        List<String> security = JsonPath.read(body, "$.handlers[?('/actuator/padlock' in @.patterns)].security");
        assertThat(security).containsExactly("none");
    }

    @Test
    void padlockWhenExposedThenNoSecretOfTheConfiguration() throws Exception {
        String body = get("/actuator/padlock").body();
        Properties properties = PropertiesLoaderUtils
            .loadProperties(new ClassPathResource(EndpointTestApplication.PROPERTIES.substring("classpath:".length())));
        List<String> secrets = new ArrayList<>(List.of("password123", "stanley", "reporting"));
        properties.stringPropertyNames()
            .stream()
            .filter((name) -> name.startsWith("padlock.users.") || name.startsWith("padlock.api-keys.")
                    || name.startsWith("padlock.jwt."))
            .filter((name) -> !name.endsWith(".scopes"))
            .map(properties::getProperty)
            .forEach((value) -> secrets.add(value.replaceFirst("^(\\{[a-z0-9]+\\}|sha256:)", "")));
        assertThat(secrets).hasSize(6);
        assertThat(secrets).allSatisfy((secret) -> assertThat(body).doesNotContain(secret));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
