package io.github.padlock.oauth2;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OAuth2PasswordRequestForm} and {@link OAuth2PasswordRequestFormStrict} bound from form bodies, validated as
 * FastAPI §2.11 says, refused with 400 (415 for another media type), and documented as a form body.
 */
@SpringBootTest(classes = PasswordRequestFormMvcTests.FormApplication.class)
@AutoConfigureMockMvc
class PasswordRequestFormMvcTests {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void bindWhenUrlEncodedThenEveryField() {
        assertThat(this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=password&username=johndoe&password=secret&scope=items%3Aread++me"
                    + "&client_id=the-client&client_secret=the-secret"))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("""
                    {"grant_type":"password","username":"johndoe","password":"secret",
                     "scopes":["items:read","me"],"client_id":"the-client","client_secret":"the-secret"}""");
    }

    @Test
    void bindWhenMultipartThenEveryField() {
        assertThat(this.mvc.post().uri("/token").multipart()
            .param("username", "johndoe").param("password", "secret").param("scope", " me\titems "))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("""
                    {"grant_type":null,"username":"johndoe","password":"secret",
                     "scopes":["me","items"],"client_id":null,"client_secret":null}""");
    }

    @Test
    void bindWhenOnlyRequiredFieldsThenDefaults() {
        assertThat(this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("username=johndoe&password=secret&scope=&client_id="))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("""
                    {"grant_type":null,"username":"johndoe","password":"secret",
                     "scopes":[],"client_id":null,"client_secret":null}""");
    }

    @Test
    void bindWhenRequiredFieldsMissingThenBadRequestNamingEach() {
        MvcTestResult result = this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("scope=me").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
        assertThat(result).bodyJson().extractingPath("$.errors").isEqualTo(List.of(
                Map.of("field", "username", "message", "Field required"),
                Map.of("field", "password", "message", "Field required")));
        assertThat(result).bodyJson().extractingPath("$.detail")
            .isEqualTo("Invalid request: username: Field required; password: Field required");
    }

    @Test
    void bindWhenFieldsEmptyThenMissing() {
        assertThat(this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("username=&password=hunter2"))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.errors[*].field")
            .isEqualTo(List.of("username"));
    }

    @Test
    void bindWhenGrantTypeNotPasswordThenBadRequestWithoutEchoingValues() throws Exception {
        for (String grantType : List.of("passwordblah", "client_credentials", "Password", "xpassword")) {
            MvcTestResult result = this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=" + grantType + "&username=johndoe&password=hunter2").exchange();
            assertThat(result).as(grantType).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).bodyJson().extractingPath("$.errors").isEqualTo(List.of(
                    Map.of("field", "grant_type", "message", "String should match pattern '^password$'")));
            assertThat(result.getResponse().getContentAsString()).doesNotContain("hunter2");
        }
    }

    @Test
    void bindStrictWhenGrantTypeMissingThenBadRequest() {
        assertThat(this.mvc.post().uri("/token-strict").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("username=johndoe&password=secret"))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.errors")
            .isEqualTo(List.of(Map.of("field", "grant_type", "message", "Field required")));
    }

    @Test
    void bindStrictWhenGrantTypeWrongThenBadRequest() {
        assertThat(this.mvc.post().uri("/token-strict").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=passwordblah&username=johndoe&password=secret"))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.errors[0].message")
            .isEqualTo("String should match pattern '^password$'");
    }

    @Test
    void bindStrictWhenGrantTypePasswordThenBound() {
        assertThat(this.mvc.post().uri("/token-strict").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("grant_type=password&username=johndoe&password=secret"))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("""
                    {"grant_type":"password","username":"johndoe","password":"secret",
                     "scopes":[],"client_id":null,"client_secret":null}""");
    }

    @Test
    void bindWhenFieldRepeatedThenBadRequest() {
        assertThat(this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("username=johndoe&username=mallory&password=secret"))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.errors")
            .isEqualTo(List.of(Map.of("field", "username", "message", "Field must not be sent more than once")));
    }

    @Test
    void bindWhenValuesInQueryStringThenIgnored() {
        assertThat(this.mvc.post().uri("/token?username=fromquery&password=fromquery")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("scope=me"))
            .hasStatus(HttpStatus.BAD_REQUEST)
            .bodyJson()
            .extractingPath("$.errors[*].field")
            .isEqualTo(List.of("username", "password"));
        assertThat(this.mvc.post().uri("/token?username=fromquery")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=frombody&password=secret"))
            .hasStatusOk()
            .bodyJson()
            .extractingPath("$.username")
            .isEqualTo("frombody");
    }

    @Test
    void bindWhenJsonBodyThenUnsupportedMediaType() {
        assertThat(this.mvc.post().uri("/token").contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\":\"johndoe\",\"password\":\"secret\"}"))
            .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(this.mvc.post().uri("/token")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(this.mvc.post().uri("/token").header("Content-Type", "not a media type"))
            .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    /** swagger-models sorts {@code required}; FastAPI lists it in field order. */
    @Test
    void apiDocsWhenFormParameterThenDocumentedAsFormBody() {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).bodyJson().extractingPath("$.paths['/token'].post.requestBody").isEqualTo(Map.of(
                "required", true, "content", Map.of(
                        "application/x-www-form-urlencoded",
                        Map.of("schema", Map.of("$ref", "#/components/schemas/OAuth2PasswordRequestForm")),
                        "multipart/form-data",
                        Map.of("schema", Map.of("$ref", "#/components/schemas/OAuth2PasswordRequestForm")))));
        assertThat(result).bodyJson().doesNotHavePath("$.paths['/token'].post.parameters");
        assertThat(result).bodyJson().extractingPath("$.components.schemas.OAuth2PasswordRequestForm")
            .isEqualTo(Map.of("type", "object", "required", List.of("password", "username"), "properties",
                    Map.of("grant_type", Map.of("type", "string", "pattern", "^password$"),
                            "username", Map.of("type", "string"),
                            "password", Map.of("type", "string", "format", "password"),
                            "scope", Map.of("type", "string", "default", ""),
                            "client_id", Map.of("type", "string"),
                            "client_secret", Map.of("type", "string", "format", "password"))));
        assertThat(result).bodyJson().extractingPath("$.components.schemas.OAuth2PasswordRequestFormStrict")
            .isEqualTo(Map.of("type", "object", "required", List.of("grant_type", "password", "username"),
                    "properties", Map.of("grant_type", Map.of("type", "string", "pattern", "^password$"),
                            "username", Map.of("type", "string"),
                            "password", Map.of("type", "string"),
                            "scope", Map.of("type", "string", "default", ""),
                            "client_id", Map.of("type", "string"),
                            "client_secret", Map.of("type", "string"))));
    }

    @Test
    void toStringMasksSecrets() {
        assertThat(new OAuth2PasswordRequestForm("password", "johndoe", "hunter2", List.of(), "c", "s3cr3t"))
            .asString().doesNotContain("hunter2").doesNotContain("s3cr3t").contains("johndoe");
        assertThat(new OAuth2PasswordRequestFormStrict("password", "johndoe", "hunter2", List.of(), null, "s3cr3t"))
            .asString().doesNotContain("hunter2").doesNotContain("s3cr3t");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TokenController.class)
    static class FormApplication {

    }

    @RestController
    static class TokenController {

        @PostMapping("/token")
        Map<String, Object> token(OAuth2PasswordRequestForm form) {
            return asMap(form.grantType(), form.username(), form.password(), form.scopes(), form.clientId(),
                    form.clientSecret());
        }

        @PostMapping("/token-strict")
        Map<String, Object> tokenStrict(OAuth2PasswordRequestFormStrict form) {
            return asMap(form.grantType(), form.username(), form.password(), form.scopes(), form.clientId(),
                    form.clientSecret());
        }

        private static Map<String, Object> asMap(Object grantType, String username, String password,
                List<String> scopes, Object clientId, Object clientSecret) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("grant_type", grantType);
            map.put("username", username);
            map.put("password", password);
            map.put("scopes", scopes);
            map.put("client_id", clientId);
            map.put("client_secret", clientSecret);
            return map;
        }
    }
}
