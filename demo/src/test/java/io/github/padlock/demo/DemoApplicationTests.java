package io.github.padlock.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.jwt.JwtIssuer;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's walkthrough against the demo on a real server: the three curl calls, the API key and OAuth2 password
 * flow examples, the OpenAPI document behind the padlocks, and a protected POST that refuses before reading its body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("unchecked")
class DemoApplicationTests {

    /** The demo's API key, of which application.yml holds the SHA-256. */
    private static final String API_KEY = "demo.X1Mc3thiRunnvxrdTEqXfiS8a_qyCRLIfkcgdMuNJ7c";

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    private JwtIssuer jwtIssuer;

    @LocalServerPort
    private int port;

    @Test
    void usersMeWhenNoCredentialsThenNotAuthenticated() throws Exception {
        HttpResponse<String> response = send(get("/users/me"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Not authenticated");
    }

    @Test
    void usersMeWhenWrongCredentialsThenIncorrectUsernameOrPassword() throws Exception {
        for (String credentials : List.of("wronguser:wrongpass", "stanley:wrongpass", "wronguser:password123")) {
            HttpResponse<String> response = send(get("/users/me").header("Authorization", basic(credentials)));
            assertThat(response.statusCode()).as(credentials).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
            assertThat((String) JsonPath.read(response.body(), "$.detail"))
                .isEqualTo("Incorrect username or password");
            assertThat(response.body()).doesNotContain("wrongpass").doesNotContain("password123");
        }
    }

    @Test
    void usersMeWhenStanleyThenUsername() throws Exception {
        HttpResponse<String> response = send(get("/users/me").header("Authorization", basic("stanley:password123")));
        assertThat(response.statusCode()).isEqualTo(200);
        JSONAssert.assertEquals("{\"username\":\"stanley\"}", response.body(), JSONCompareMode.STRICT);
    }

    @Test
    void usersMeWhenMalformedCredentialsThenUnauthorizedNeverServerError() throws Exception {
        for (String header : List.of("Basic notabase64token", "Basic " + encode("stanleypassword123"),
                "Basic " + encode("stanley:password123").replace("=", ""), "Basic", "basic ====",
                "Basic " + "A".repeat(4000))) {
            HttpResponse<String> response = send(get("/users/me").header("Authorization", header));
            assertThat(response.statusCode()).as(header).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
        }
    }

    @Test
    void itemsWhenNoCredentialsThenPublic() throws Exception {
        HttpResponse<String> response = send(get("/items/"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(response.body(), "$[*].name")).contains("Padlock");
    }

    @Test
    void createItemWhenNoCredentialsAndMalformedBodyThenUnauthorizedAndNothingCreated() throws Exception {
        int before = itemCount();
        HttpResponse<String> response = send(post("/items/", "{\"name\": oops"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic", "Bearer");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Not authenticated");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void itemWhenIdThenItemAndWhenUnknownThenNotFoundProblem() throws Exception {
        HttpResponse<String> item = send(get("/items/1"));
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(item.body(), "$.name")).isEqualTo("Padlock");
        HttpResponse<String> missing = send(get("/items/999999"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void deleteItemWhenItemsWriteThenGoneAndWithoutCredentialsUnauthorized() throws Exception {
        HttpResponse<String> created = send(post("/items/", "{\"name\":\"Doomed\",\"price\":1}")
            .header("Authorization", basic("stanley:password123")));
        long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
        HttpResponse<String> anonymous = send(delete("/items/" + id));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(send(get("/items/" + id)).statusCode()).isEqualTo(200);
        HttpResponse<String> deleted = send(delete("/items/" + id).header("Authorization", basic("stanley:password123")));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(send(get("/items/" + id)).statusCode()).isEqualTo(404);
    }

    @Test
    void createItemWhenStanleyThenCreated() throws Exception {
        int before = itemCount();
        HttpResponse<String> response = send(post("/items/", "{\"name\":\"Hasp\",\"price\":3.20}")
            .header("Authorization", basic("stanley:password123")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(itemCount()).isEqualTo(before + 1);
    }

    /** Values the columns cannot hold are the request's fault: 400 problem+json, never the database's 500. */
    @Test
    void createItemWhenValuesDoNotFitThenBadRequestAndNothingCreated() throws Exception {
        int before = itemCount();
        for (String body : List.of("{\"name\":\"x\",\"price\":1e400}", "{\"name\":\"x\",\"price\":-1}",
                "{\"name\":\"x\",\"price\":1.005}", "{\"name\":\"" + "n".repeat(5000) + "\",\"price\":1}",
                "{\"name\":\"\",\"price\":1}")) {
            HttpResponse<String> response = send(post("/items/", body)
                .header("Authorization", basic("stanley:password123")));
            assertThat(response.statusCode()).as(body.substring(0, Math.min(40, body.length()))).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void secureDataWhenApiKeyMissingOrWrongThenSeedsForbiddenAnswers() throws Exception {
        HttpResponse<String> missing = send(get("/secure-data"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(missing.body(), "$.detail")).isEqualTo("X-API-KEY header missing");
        HttpResponse<String> wrong = send(get("/secure-data").header("X-API-KEY", "NOT_THE_KEY"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(wrong.body(), "$.detail")).isEqualTo("Invalid API Key");
        assertThat(wrong.body()).doesNotContain("NOT_THE_KEY");
    }

    @Test
    void secureDataWhenApiKeyThenData() throws Exception {
        HttpResponse<String> response = send(get("/secure-data").header("X-API-KEY", API_KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        JSONAssert.assertEquals("{\"data\":\"sensitive data\",\"key_id\":\"demo\"}", response.body(),
                JSONCompareMode.STRICT);
    }

    @Test
    void oauthWhenPasswordFlowThenTokenOpensUsersMeOauth() throws Exception {
        HttpResponse<String> token = send(form("/token",
                "grant_type=password&username=stanley&password=password123&scope=items:read"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat((String) JsonPath.read(token.body(), "$.token_type")).isEqualTo("bearer");
        assertThat((String) JsonPath.read(token.body(), "$.scope")).isEqualTo("items:read");
        String accessToken = JsonPath.read(token.body(), "$.access_token");
        HttpResponse<String> me = send(get("/users/me/oauth").header("Authorization", "Bearer " + accessToken));
        assertThat(me.statusCode()).isEqualTo(200);
        JSONAssert.assertEquals("{\"username\":\"stanley\",\"scopes\":[\"items:read\"]}", me.body(),
                JSONCompareMode.STRICT);
    }

    @Test
    void usersMeOauthWhenTokenOfAnUnknownUserThenInvalidToken() throws Exception {
        // FastAPI's get_current_user: a token whose user is not found is a credentials error (401), not an inactive
        // user (400), like a user deleted after the token was issued.
        String token = this.jwtIssuer.issue("ghost", List.of("items:read"), Duration.ofMinutes(5)).value();
        HttpResponse<String> response = send(get("/users/me/oauth").header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                (challenge) -> assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Invalid token");
    }

    @Test
    void usersMeOauthWhenTokenOfADisabledUserThenInactiveUser() throws Exception {
        // The token endpoint refuses alice; a token issued before her account was disabled meets the chain.
        String token = this.jwtIssuer.issue("alice", List.of("items:read"), Duration.ofMinutes(5)).value();
        HttpResponse<String> response = send(get("/users/me/oauth").header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Inactive user");
    }

    @Test
    void tokenWhenDisabledUserThenInvalidGrant() throws Exception {
        HttpResponse<String> response = send(form("/token",
                "grant_type=password&username=alice&password=secret2"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo("invalid_grant");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Inactive user");
    }

    @Test
    void usersMeWhenDisabledUserThenInactiveUser() throws Exception {
        HttpResponse<String> response = send(get("/users/me").header("Authorization", basic("alice:secret2")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Inactive user");
    }

    @Test
    void createItemWhenTokenLacksItemsWriteThenForbiddenWithInsufficientScope() throws Exception {
        int before = itemCount();
        String token = token("username=stanley&password=password123&scope=items:read");
        HttpResponse<String> response = send(post("/items/", "{\"name\":\"Hasp\",\"price\":3.20}")
            .header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("WWW-Authenticate"))
            .containsExactly("Bearer error=\"insufficient_scope\", scope=\"items:write\"");
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Not enough permissions");
        assertThat(itemCount()).isEqualTo(before);
    }

    @Test
    void createItemWhenTokenGrantsItemsWriteThenCreated() throws Exception {
        String token = token("username=stanley&password=password123&scope=items:read%20items:write");
        HttpResponse<String> response = send(post("/items/", "{\"name\":\"Hasp\",\"price\":3.20}")
            .header("Authorization", "Bearer " + token));
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void tokenWhenScopeTheUserDoesNotHoldThenInvalidScope() throws Exception {
        HttpResponse<String> response = send(form("/token",
                "grant_type=password&username=stanley&password=password123&scope=admin"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo("invalid_scope");
    }

    private String token(String form) throws Exception {
        HttpResponse<String> response = send(form("/token", "grant_type=password&" + form));
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.access_token");
    }

    @Test
    void tokenWhenWrongPasswordThenBadRequest() throws Exception {
        HttpResponse<String> response = send(form("/token",
                "grant_type=password&username=stanley&password=wrongpass"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Incorrect username or password");
        assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo("invalid_grant");
        assertThat(response.body()).doesNotContain("wrongpass");
    }

    @Test
    void usersMeOauthWhenNoOrWrongTokenThenUnauthorizedWithBearerChallenge() throws Exception {
        HttpResponse<String> missing = send(get("/users/me/oauth"));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
        assertThat((String) JsonPath.read(missing.body(), "$.detail")).isEqualTo("Not authenticated");
        HttpResponse<String> wrong = send(get("/users/me/oauth").header("Authorization", "Bearer forged"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().allValues("WWW-Authenticate"))
            .containsExactly("Bearer error=\"invalid_token\", error_description=\"Invalid token\"");
        assertThat((String) JsonPath.read(wrong.body(), "$.detail")).isEqualTo("Invalid token");
        assertThat(wrong.body()).doesNotContain("forged");
    }

    @Test
    void openApiWhenRequestedThenDocumentsSchemesAndMarksPublicOperations() throws Exception {
        HttpResponse<String> response = send(get("/openapi.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        String document = response.body();
        JSONAssert.assertEquals("{\"type\":\"http\",\"scheme\":\"basic\"}",
                json(document, "$.components.securitySchemes.HTTPBasic"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("""
                {"HTTPBasic": {"type": "http", "scheme": "basic"},
                 "APIKeyHeader": {"type": "apiKey", "name": "X-API-KEY", "in": "header"},
                 "OAuth2PasswordBearer": {"type": "oauth2", "flows": {"password": {"tokenUrl": "/token",
                   "scopes": {"items:read": "Read items.", "items:write": "Create and delete items."}}}}}
                """, json(document, "$.components.securitySchemes"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[{\"HTTPBasic\":[]}]", json(document, "$.paths['/users/me'].get.security"),
                JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[{\"HTTPBasic\":[\"items:write\"]},{\"OAuth2PasswordBearer\":[\"items:write\"]}]",
                json(document, "$.paths['/items/'].post.security"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[{\"APIKeyHeader\":[]}]", json(document, "$.paths['/secure-data'].get.security"),
                JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[{\"OAuth2PasswordBearer\":[]}]",
                json(document, "$.paths['/users/me/oauth'].get.security"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[]", json(document, "$.paths['/items/'].get.security"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[]", json(document, "$.paths['/items/{id}'].get.security"), JSONCompareMode.STRICT);
        JSONAssert.assertEquals("[]", json(document, "$.paths['/token'].post.security"), JSONCompareMode.STRICT);
        assertThat((Map<String, Object>) JsonPath.read(document, "$.paths['/token'].post")).containsKey("requestBody");
        assertThat((List<String>) JsonPath.read(document, "$..parameters[*].name")).doesNotContain("username",
                "keyId", "currentUser", "form");
    }

    @Test
    void docsWhenOpenedThenSwaggerUi() throws Exception {
        HttpResponse<String> redirect = send(get("/docs"));
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port)
            .resolve(location)));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
        HttpResponse<String> config = send(get("/openapi.json/swagger-config"));
        assertThat((String) JsonPath.read(config.body(), "$.url")).isEqualTo("/openapi.json");
    }

    private int itemCount() throws IOException, InterruptedException {
        return JsonPath.<List<Object>>read(send(get("/items/")).body(), "$").size();
    }

    private static String json(String document, String path) {
        return JsonPath.parse((Object) JsonPath.read(document, path)).jsonString();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).DELETE();
    }

    private HttpRequest.Builder form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String credentials) {
        return "Basic " + encode(credentials);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
