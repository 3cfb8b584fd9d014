package io.github.padlock.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's whole OpenAPI document against a golden file, strictly: every operation either carries its requirements
 * or, marked {@code @PublicEndpoint}, an empty {@code security: []}.
 * <p>
 * To regenerate the golden file after a deliberate change, run with {@code -Dpadlock-tests.golden.write=true} and review
 * the diff.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoOpenApiTests {

    private static final String GOLDEN = "openapi/demo.json";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void openApiWhenRequestedThenMatchesGoldenFile() throws IOException {
        MvcTestResult result = this.mvc.get().uri("/openapi.json").exchange();
        assertThat(result).hasStatusOk();
        String actual = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("padlock-tests.golden.write")) {
            Files.writeString(Path.of("src/test/resources", GOLDEN), actual);
        }
        String golden = new ClassPathResource(GOLDEN).getContentAsString(StandardCharsets.UTF_8);
        assertThat(result).bodyJson().isStrictlyEqualTo(golden);
    }
}
