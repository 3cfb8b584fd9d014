package io.github.padlock.scheme;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every port of a FastAPI {@code tests/test_security_*.py} file (a {@code *FastApiTests} class: a scheme end to
 * end, over MockMvc) shares: requests to its {@code GET /users/me}, at a path of its own in one of the shared
 * {@link FastApiApplications}, the assertions on a refusal (401, problem+json whose {@code detail} is FastAPI's text,
 * the exact {@code WWW-Authenticate} values, no echo of the submitted secret), on a success (200, no challenge, the
 * exact body), and the comparison of the operation's {@code security} and the schemes it names in
 * {@code components.securitySchemes} with a hand-written golden file {@code fastapi/<name>.json}.
 */
abstract class FastApiSecurityTest {

    static final String NOT_AUTHENTICATED = "Not authenticated";

    static final String CREATE_AN_ACCOUNT_FIRST = "{\"msg\":\"Create an account first\"}";

    private final String path;

    @Autowired
    private MockMvcTester mvc;

    /** @param path this port's {@code /users/me} */
    FastApiSecurityTest(String path) {
        this.path = path;
    }

    MvcTestResult get() {
        return this.mvc.get().uri(this.path).exchange();
    }

    /** One {@code Authorization} header line per value (several values: a duplicated header). */
    MvcTestResult getWithAuthorization(String... values) {
        return getWithHeader(HttpHeaders.AUTHORIZATION, values);
    }

    /** One header line per value. */
    MvcTestResult getWithHeader(String name, String... values) {
        return this.mvc.get().uri(this.path).header(name, (Object[]) values).exchange();
    }

    /** The query string sent exactly as given, even with broken percent-encoding. */
    MvcTestResult getWithQuery(String rawQuery) {
        return this.mvc.get().uri(this.path).with((request) -> {
            request.setQueryString(rawQuery);
            return request;
        }).exchange();
    }

    /** {@code Authorization} and a query string sent exactly as given. */
    MvcTestResult getWithAuthorizationAndQuery(String authorization, String rawQuery) {
        return this.mvc.get().uri(this.path).header(HttpHeaders.AUTHORIZATION, authorization).with((request) -> {
            request.setQueryString(rawQuery);
            return request;
        }).exchange();
    }

    MvcTestResult getWithCookies(Cookie... cookies) {
        return this.mvc.get().uri(this.path).cookie(cookies).exchange();
    }

    /** {@code Basic <base64(UTF-8 credentials)>}, as {@code requests.auth.HTTPBasicAuth} sends ASCII ones. */
    static String basic(String credentials) {
        return "Basic " + base64(credentials);
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** 200, no challenge, exactly {@code expectedJson}. */
    static void assertOk(MvcTestResult result, String expectedJson) {
        assertThat(result).hasStatusOk().doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE);
        assertThat(result).bodyJson().isStrictlyEqualTo(expectedJson);
    }

    /** What FastAPI's optional endpoints answer when the scheme produced nothing. */
    static void assertCreateAccountFirst(MvcTestResult result) {
        assertOk(result, CREATE_AN_ACCOUNT_FIRST);
    }

    /**
     * 401 problem+json, {@code detail} {@value #NOT_AUTHENTICATED}, exactly one {@code WWW-Authenticate} equal to
     * {@code challenge}, and none of {@code secrets} anywhere in the body.
     */
    static void assertNotAuthenticated(MvcTestResult result, String challenge, String... secrets) {
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(challenge);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(NOT_AUTHENTICATED);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
        String body = body(result);
        for (String secret : secrets) {
            assertThat(body).as("body of the refusal").doesNotContain(secret);
        }
    }

    /** RFC 6750 §3.1's challenge of a bearer scheme's 400. */
    static final String BEARER_INVALID_REQUEST = "Bearer error=\"invalid_request\"";

    /**
     * 400 problem+json, {@code detail} as given, {@code "error": "invalid_request"}, exactly the {@code WWW-Authenticate}
     * {@code challenge} (none when {@code null}), and none of {@code secrets} anywhere in the body.
     */
    static void assertInvalidRequest(MvcTestResult result, String detail, @Nullable String challenge,
            String... secrets) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        if (challenge != null) {
            assertThat(result.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(challenge);
        }
        else {
            assertThat(result).doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE);
        }
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
        assertThat(result).bodyJson().extractingPath("$.error").isEqualTo("invalid_request");
        String body = body(result);
        for (String secret : secrets) {
            assertThat(body).as("body of the refusal").doesNotContain(secret);
        }
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * {@code security} of this port's {@code GET /users/me} and the {@code components.securitySchemes} it names, of
     * {@code /v3/api-docs}, strictly equal to {@code fastapi/<golden>.json}; and no scheme in the components that no
     * operation names. (The shared application documents every port's schemes; on its own, a port's would be
     * exactly the ones its operation names.)
     */
    void assertOpenApi(String golden) throws Exception {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk();
        DocumentContext document = JsonPath.parse(body(result));
        List<Map<String, Object>> security = document.read("$.paths['" + this.path + "'].get.security");
        Map<String, Object> securitySchemes = document.read("$.components.securitySchemes");
        List<Map<String, Object>> everyRequirement = document.read("$.paths.*.*.security[*]");
        assertThat(securitySchemes.keySet()).as("schemes in the components")
            .containsExactlyInAnyOrderElementsOf(schemeNames(everyRequirement));
        Map<String, Object> named = new LinkedHashMap<>(securitySchemes);
        named.keySet().retainAll(schemeNames(security));
        String actual = "{\"security\":" + JsonPath.parse(security).jsonString() + ",\"securitySchemes\":"
                + JsonPath.parse(named).jsonString() + "}";
        String expected = new ClassPathResource("fastapi/" + golden + ".json")
            .getContentAsString(StandardCharsets.UTF_8);
        JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
    }

    private static Set<String> schemeNames(List<Map<String, Object>> requirements) {
        Set<String> names = new TreeSet<>();
        requirements.forEach((requirement) -> names.addAll(requirement.keySet()));
        return names;
    }
}
