package com.example.springsecurity;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static com.example.springsecurity.ExampleClient.basic;
import static com.example.springsecurity.ExampleClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Padlock and Spring Security in one application, each refusing and admitting what it should: Padlock's 401 and 403
 * problems on {@code /api/**}, where {@code @AuthenticationPrincipal} and {@code @PreAuthorize} see Padlock's
 * principal; Spring Security's login page on {@code /admin/**}, which Padlock's credentials do not open; and a
 * form-login session that Padlock's principal replaces for a handler's duration and never changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "EXAMPLE_JWT_SECRET=" + ExampleClient.JWT_SECRET })
class SpringSecurityExampleTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void apiWhenNoCredentialsThenPadlocksUnauthorizedProblemNotTheLoginPage() throws Exception {
        HttpResponse<String> me = client().get("/api/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(me.headers().allValues("WWW-Authenticate")).containsExactly("Basic");
        assertThat((String) JsonPath.read(me.body(), "$.detail")).isEqualTo("Not authenticated");
        assertThat(client().get("/api/me", basic("stanley", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void authenticationPrincipalWhenPadlockGrantedThenItsUserAndScopeAuthorities() throws Exception {
        HttpResponse<String> me = client().get("/api/me", basic("stanley", "password123"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(me.body(), "$.username")).isEqualTo("stanley");
        assertThat((List<String>) JsonPath.read(me.body(), "$.authorities"))
            .containsExactly("SCOPE_items:read", "SCOPE_items:write");
    }

    @Test
    void preAuthorizeWhenThePrincipalHoldsTheScopeThenAdmittedAndAuditedUnderItsName() throws Exception {
        HttpResponse<String> basic = client().post("/api/items", "{\"name\":\"lamp\"}",
                basic("stanley", "password123"));
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(basic.body(), "$.createdBy")).isEqualTo("stanley");
        HttpResponse<String> token = client().post("/api/items", "{\"name\":\"desk\"}",
                bearer(this.context, "robot-7", "items:write"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(token.body(), "$.createdBy")).isEqualTo("robot-7");
        HttpResponse<String> list = client().get("/api/items", basic("alice", "alice-password"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(list.body(), "$[*].createdBy")).contains("stanley", "robot-7");
    }

    @Test
    void preAuthorizeWhenThePrincipalLacksTheScopeThenPadlocksForbiddenProblem() throws Exception {
        HttpResponse<String> alice = client().post("/api/items", "{\"name\":\"lamp\"}", basic("alice", "alice-password"));
        assertThat(alice.statusCode()).isEqualTo(403);
        assertThat(alice.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) JsonPath.read(alice.body(), "$.detail")).isEqualTo("Not enough permissions");
        assertThat((String) JsonPath.read(alice.body(), "$.instance")).isEqualTo("/api/items");
        HttpResponse<String> token = client().get("/api/items", bearer(this.context, "robot-7", "items:write"));
        assertThat(token.statusCode()).isEqualTo(403);
    }

    @Test
    void adminWhenAnonymousOrWithPadlocksCredentialsThenSpringSecuritysLoginPage() throws Exception {
        HttpResponse<String> anonymous = client().get("/admin/dashboard");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login"));
        HttpResponse<String> padlock = client().get("/admin/dashboard", basic("stanley", "password123"));
        assertThat(padlock.statusCode()).isEqualTo(302);
        assertThat(padlock.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login"));
    }

    @Test
    void adminWhenFormLoginThenDashboardAndWhenWrongPasswordThenLoginError() throws Exception {
        ExampleClient admin = client();
        assertThat(admin.get("/admin/dashboard").statusCode()).isEqualTo(302);
        HttpResponse<String> login = admin.formLogin("admin", "admin-password");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).contains("/admin/dashboard"));
        HttpResponse<String> dashboard = admin.get("/admin/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).isEqualTo("{\"admin\":\"admin\"}");
        HttpResponse<String> wrong = client().formLogin("admin", "password123");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void sessionWhenAdminCallsPadlocksHandlerThenPadlocksPrincipalThereAndTheSessionUnchanged() throws Exception {
        ExampleClient admin = client();
        assertThat(admin.formLogin("admin", "admin-password").statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/me").statusCode()).as("a session does not satisfy Padlock").isEqualTo(401);
        HttpResponse<String> me = admin.get("/api/me", basic("stanley", "password123"));
        assertThat((String) JsonPath.read(me.body(), "$.username")).isEqualTo("stanley");
        HttpResponse<String> context = admin.get("/api/public/context");
        assertThat(context.body()).as("Padlock's chain is stateless: the admin session grants nothing on /api")
            .contains("\"type\":\"AnonymousAuthenticationToken\"")
            .doesNotContain("\"authentication\":\"admin\"");
        assertThat(admin.get("/admin/dashboard").body()).isEqualTo("{\"admin\":\"admin\"}");
    }

    @Test
    void asyncWhenCallableThenSpringSecurityCarriesPadlocksPrincipalToItsThread() throws Exception {
        HttpResponse<String> async = client().get("/api/whoami/async", bearer(this.context, "robot-9"));
        assertThat(async.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(async.body(), "$.subject")).isEqualTo("robot-9");
        assertThat((String) JsonPath.read(async.body(), "$.authentication")).isEqualTo("robot-9");
    }

    @Test
    void publicHandlerWhenCredentialsSentThenAnonymous() throws Exception {
        HttpResponse<String> context = client().get("/api/public/context", basic("stanley", "password123"));
        assertThat(context.body()).contains("\"type\":\"AnonymousAuthenticationToken\"");
    }

    private ExampleClient client() {
        return new ExampleClient(this.port);
    }
}
