package io.github.padlock.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.padlock.PadlockTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of {@link PadlockTestApplication} against a golden file, strictly: security schemes keyed by
 * scheme name, one all-of requirement per operation with scopes merged outermost first, {@code {}} for an optional
 * scheme, {@code security: []} on a {@code @PublicEndpoint} operation, Padlock's refusals (400, 401 with its
 * challenge header, 403 under scopes) on secured ones without replacing a response the application documented, and no
 * {@code @SecurityParam} parameter anywhere.
 * <p>
 * To regenerate the golden file after a deliberate change, run with {@code -Dpadlock-tests.golden.write=true} and review
 * the diff.
 */
@SpringBootTest(classes = PadlockTestApplication.class)
@AutoConfigureMockMvc
class SecurityOperationCustomizerTests {

    private static final String GOLDEN = "openapi/test-application.json";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void apiDocsWhenSecurityParamsThenMatchGoldenFile() throws IOException {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk();
        String actual = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("padlock-tests.golden.write")) {
            Files.writeString(Path.of("src/test/resources", GOLDEN), actual);
        }
        String golden = new ClassPathResource(GOLDEN).getContentAsString(StandardCharsets.UTF_8);
        assertThat(result).bodyJson().isStrictlyEqualTo(golden);
    }

    @Test
    void apiDocsWhenSecurityParamsThenNoParameterNamedAfterThem() {
        assertThat(this.mvc.get().uri("/v3/api-docs")).bodyJson()
            .extractingPath("$..parameters[*].name")
            .asArray()
            .doesNotContain("credentials", "user", "again", "admin");
    }
}
