package io.github.padlock.plan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier graph (FastAPI §4.2, §5): scopes on every edge as §5.1 says, one run per node and scope set (§5.2),
 * class- and method-level requirements before parameters, {@code anyOf} alternatives, scope checks, and the
 * operation's {@code security} against hand-written golden files.
 */
@SpringBootTest(classes = GraphTestApplication.class)
@AutoConfigureMockMvc
class VerifierGraphTests {

    @Autowired
    private MockMvcTester mvc;

    @BeforeEach
    void reset() {
        GraphTestApplication.calls.clear();
    }

    /** FastAPI's test_security_scopes_dont_propagate: siblings never see each other's scopes. */
    @Test
    void getWhenSiblingsThenEachSeesParentScopesThenItsOwn() {
        assertThat(this.mvc.get().uri("/siblings")).hasStatusOk().hasBodyTextEqualTo("security1+security2");
        assertThat(GraphTestApplication.calls).containsExactly("dep3[scope3]", "leaf[scope3, scope1]",
                "security1[scope3, scope1]", "leaf[scope3, scope2]", "security2[scope3, scope2]");
    }

    /** FastAPI's quirk (§5.1): the parent list is concatenated, so the grandchild sees [x, x]. */
    @Test
    void getWhenTwoEdgesAskTheSameScopeThenGrandchildSeesItTwice() {
        assertThat(this.mvc.get().uri("/quirk")).hasStatusOk();
        assertThat(GraphTestApplication.calls).containsExactly("leaf[x, x]", "middle[x]", "top[x]");
    }

    /** FastAPI's test_dependency_cache: Security(dep_counter), then twice with scopes=["scope"] → 1, 2, 2. */
    @Test
    void getWhenSameDependencyWithAndWithoutScopesThenOneRunPerScopeSet() {
        assertThat(this.mvc.get().uri("/counter")).hasStatusOk().hasBodyTextEqualTo("1,2,2");
        assertThat(GraphTestApplication.calls).containsExactly("counter[]", "counter[scope]");
    }

    /** Route-level Security(process_auth, scopes=["a","b"]) passes [a, b]; Security(process_auth) passes []. */
    @Test
    void getWhenRequiresSecurityThenItsScopesAndNothingInjected() {
        assertThat(this.mvc.get().uri("/route-scopes")).hasStatusOk().hasBodyTextEqualTo("ok");
        assertThat(GraphTestApplication.calls).containsExactly("leaf[a, b]", "counter[]");
    }

    /** FastAPI's scopes tutorial: items on the outer verifier, me on the inner edge → get_current_user sees both. */
    @Test
    void getWhenChainWithScopesThenInnerVerifierSeesOuterScopesFirst() {
        assertThat(this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer scopes:me,items"))
            .hasStatusOk()
            .hasBodyTextEqualTo("active");
        assertThat(GraphTestApplication.calls).containsExactly("tokenUser[items, me]", "activeUser[items]");
    }

    @Test
    void getWhenTokenLacksAScopeThenForbiddenWithInsufficientScope() {
        MvcTestResult result = this.mvc.get().uri("/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer scopes:me")
            .exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"items me\"");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Not enough permissions");
        assertThat(GraphTestApplication.calls).containsExactly("tokenUser[items, me]");
    }

    @Test
    void getWhenNoTokenThenUnauthorizedNotForbidden() {
        assertThat(this.mvc.get().uri("/users/me")).hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void getWhenScopesOnThreeLevelsThenClassLevelCheckedFirst() {
        assertThat(this.mvc.get().uri("/scoped").header(HttpHeaders.AUTHORIZATION, "Bearer scopes:admin,items,me"))
            .hasStatusOk()
            .hasBodyTextEqualTo("admin,items,me");
        assertThat(GraphTestApplication.calls).containsExactly("tokenUser[admin]", "tokenUser[items]",
                "tokenUser[me]");
        GraphTestApplication.calls.clear();
        assertThat(this.mvc.get().uri("/scoped").header(HttpHeaders.AUTHORIZATION, "Bearer scopes:items,me"))
            .hasStatus(HttpStatus.FORBIDDEN)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"admin\"");
        assertThat(GraphTestApplication.calls).containsExactly("tokenUser[admin]");
    }

    @Test
    void getWhenClassMethodAndParameterThenResolvedInThatOrder() {
        assertThat(this.mvc.get().uri("/order").header("X-Key", "k").header(HttpHeaders.AUTHORIZATION, "Bearer good"))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"graph\"");
        assertThat(GraphTestApplication.calls).containsExactly("keyUser[]", "bearerUser[]");
    }

    @Test
    void getWhenClassLevelRequirementFailsThenNothingElseRuns() {
        assertThat(this.mvc.get().uri("/order").header(HttpHeaders.AUTHORIZATION, basic("john")))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "APIKey");
        assertThat(GraphTestApplication.calls).isEmpty();
    }

    @Test
    void getWhenVerifierUsedByClassMethodAndTwoParametersThenRunsOnce() {
        assertThat(this.mvc.get().uri("/cached").header("X-Key", "k")).hasStatusOk()
            .hasBodyTextEqualTo("key:k,key:k");
        assertThat(GraphTestApplication.calls).containsExactly("keyUser[]");
    }

    @Test
    void getWhenFirstAlternativeSucceedsThenSecondNotTried() {
        assertThat(this.mvc.get().uri("/anyof").header(HttpHeaders.AUTHORIZATION, basic("john"))).hasStatusOk()
            .hasBodyTextEqualTo("basic:john");
        assertThat(GraphTestApplication.calls).containsExactly("basicUser[]");
    }

    @Test
    void getWhenFirstAlternativeFailsAndSecondPassesThenOk() {
        assertThat(this.mvc.get().uri("/anyof").header(HttpHeaders.AUTHORIZATION, "Bearer good")).hasStatusOk()
            .hasBodyTextEqualTo("bearer:good");
        assertThat(GraphTestApplication.calls).containsExactly("bearerUser[]");
        GraphTestApplication.calls.clear();
        assertThat(this.mvc.get().uri("/anyof").header(HttpHeaders.AUTHORIZATION, basic("bad"))).hasStatus(
                HttpStatus.UNAUTHORIZED);
        assertThat(GraphTestApplication.calls).containsExactly("basicUser[]");
    }

    @Test
    void getWhenEveryAlternativeFailsThenUnauthorizedWithEveryChallenge() throws Exception {
        MvcTestResult none = this.mvc.get().uri("/anyof").exchange();
        assertThat(none).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(none.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(
                "Basic realm=\"graph\"", "Bearer");
        assertThat(none).bodyJson().extractingPath("$.detail").isEqualTo("Not authenticated");
        MvcTestResult wrong = this.mvc.get().uri("/anyof").header(HttpHeaders.AUTHORIZATION, "Bearer forged")
            .exchange();
        assertThat(wrong.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly(
                "Basic realm=\"graph\"", "Bearer error=\"invalid_token\"");
        assertThat(wrong.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("forged");
    }

    @Test
    void getWhenAlternativesAndRequirementThenBothNeeded() {
        assertThat(this.mvc.get().uri("/anyof-and-key").header(HttpHeaders.AUTHORIZATION, "Bearer good"))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "APIKey");
        assertThat(this.mvc.get().uri("/anyof-and-key").header("X-Key", "k")
            .header(HttpHeaders.AUTHORIZATION, "Bearer good")).hasStatusOk().hasBodyTextEqualTo("bearer:good");
    }

    @Test
    void getWhenOptionalSchemeAndNothingSentThenHandlerRuns() {
        assertThat(this.mvc.get().uri("/optional")).hasStatusOk().hasBodyTextEqualTo("anonymous");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({ "/one, one-scheme", "/allof, all-of", "/anyof, any-of", "/anyof-and-key, any-of-and-all-of",
            "/optional, optional", "/order, class-method-parameter", "/scoped, scopes-from-three-levels",
            "/users/me, scopes-tutorial", "/quirk, scopes-deduplicated" })
    void apiDocsWhenOperationThenSecurityMatchesGoldenFile(String path, String golden) throws Exception {
        String document = apiDocs();
        String security = JsonPath.parse((Object) JsonPath.read(document, "$.paths['" + path + "'].get.security"))
            .jsonString();
        JSONAssert.assertEquals(read("graph/" + golden + ".json"), security, JSONCompareMode.STRICT);
    }

    @Test
    void apiDocsWhenSchemesUsedThenComponentsMatchGoldenFile() throws Exception {
        String schemes = JsonPath.parse((Object) JsonPath.read(apiDocs(), "$.components.securitySchemes"))
            .jsonString();
        JSONAssert.assertEquals(read("graph/components.json"), schemes, JSONCompareMode.STRICT);
    }

    private String apiDocs() throws Exception {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String read(String resource) throws Exception {
        return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8));
    }
}
