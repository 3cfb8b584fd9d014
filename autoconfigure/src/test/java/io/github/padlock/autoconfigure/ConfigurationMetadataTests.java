package io.github.padlock.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata an IDE completes {@code application.yml} from, as the build writes it (Spring Boot's configuration
 * processor, merged with {@code additional-spring-configuration-metadata.json}): every property described, and the
 * hints the processor cannot infer.
 */
class ConfigurationMetadataTests {

    private static final Object METADATA = read();

    @Test
    void metadataWhenBuiltThenEveryPropertyIsDescribed() {
        List<Map<String, Object>> properties = JsonPath.read(METADATA, "$.properties");
        assertThat(properties).hasSizeGreaterThanOrEqualTo(20);
        assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description"))
            .as("description of %s", property.get("name"))
            .isNotBlank());
    }

    @Test
    void metadataWhenBuiltThenEveryPropertyOutsideMapsIsKnownToTheAnalyzer() {
        List<String> names = JsonPath.read(METADATA, "$.properties[?(@.name =~ /padlock\\..*/)].name");
        assertThat(names).hasSizeGreaterThanOrEqualTo(20);
        List<String> known = PropertyNames.known();
        assertThat(names).allSatisfy((name) -> assertThat(known.stream()
            .anyMatch((pattern) -> pattern.equals(name) || pattern.startsWith(name + ".")))
            .as(name)
            .isTrue());
    }

    @Test
    void metadataWhenBuiltThenTheActuatorEndpointsOwnProperties() {
        List<String> names = JsonPath.read(METADATA, "$.properties[?(@.name =~ /management\\..*/)].name");
        assertThat(names).containsExactlyInAnyOrder("management.endpoint.padlock.access",
                "management.endpoint.padlock.cache.time-to-live");
    }

    @Test
    void metadataWhenBuiltThenHintsForValuesAndMapKeys() {
        List<String> hints = JsonPath.read(METADATA, "$.hints[*].name");
        assertThat(hints).contains("padlock.jwt.algorithms", "padlock.jwt.scope-claim", "padlock.jwt.type",
                "padlock.jwt.public-key", "padlock.schemes.keys", "padlock.verifiers.keys", "padlock.users.keys",
                "padlock.api-keys.keys");
        List<String> algorithms = JsonPath.read(METADATA,
                "$.hints[?(@.name == 'padlock.jwt.algorithms')].values[*].value");
        assertThat(algorithms).contains("HS256", "RS256", "ES256", "EdDSA").doesNotContain("none");
    }

    private static Object read() {
        try (InputStream in = ConfigurationMetadataTests.class
            .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the processor's metadata").isNotNull();
            return JsonPath.parse(in).json();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
