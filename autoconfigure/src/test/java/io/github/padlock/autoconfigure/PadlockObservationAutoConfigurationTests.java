package io.github.padlock.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityFailureEvent;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecurityParam;
import io.github.padlock.SecuritySuccessEvent;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.oauth2.TokenRevocationEndpoint;
import io.github.padlock.observation.PadlockAuditListener;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBasicCredentials;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code padlock.security} observation around each resolution (only with an {@link ObservationRegistry} bean), its
 * low-cardinality keys, and the application events of each decision.
 */
class PadlockObservationAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class, PadlockObservationAutoConfiguration.class))
        .withUserConfiguration(SecuredApp.class)
        .withPropertyValues("padlock.audit.unprotected=off");

    @Test
    void resolverWhenNoObservationRegistryAndEventsOffThenDirect() {
        this.contextRunner.withPropertyValues("padlock.events.enabled=false")
            .run((context) -> assertThat(context.getBean(PlanResolver.class)).isSameAs(PlanResolver.DIRECT));
    }

    @Test
    void observationWhenGrantedThenOutcomeSchemeAndVerifierNamed() {
        this.contextRunner.withUserConfiguration(Observed.class).run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/me").header("Authorization", basic("alice", "pw"))).hasStatusOk();
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                .hasSingleObservationThat()
                .hasNameEqualTo("padlock.security")
                .hasLowCardinalityKeyValue("outcome", "granted")
                .hasLowCardinalityKeyValue("scheme", "basicAuth")
                .hasLowCardinalityKeyValue("verifier", "currentUser")
                .hasBeenStopped();
        });
    }

    @Test
    void observationWhenWrongPasswordThenInvalidAndNoUserNameAnywhere() {
        this.contextRunner.withUserConfiguration(Observed.class).run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/me").header("Authorization", basic("alice", "wrong")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            TestObservationRegistryAssert.assertThat(registry)
                .hasSingleObservationThat()
                .hasLowCardinalityKeyValue("outcome", "invalid")
                .hasLowCardinalityKeyValue("scheme", "basicAuth")
                .hasLowCardinalityKeyValue("verifier", "currentUser")
                .doesNotHaveError()
                .satisfies((observed) -> assertThat(observed.getAllKeyValues().toString()).doesNotContain("alice")
                    .doesNotContain("wrong"));
        });
    }

    @Test
    void observationWhenInsideTheRequestsObservationThenItsChild() {
        this.contextRunner.withUserConfiguration(Observed.class).run((context) -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context)
                .addFilters(new ServerHttpObservationFilter(registry))
                .build());
            assertThat(mvc.get().uri("/me").header("Authorization", basic("alice", "pw"))).hasStatusOk();
            TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("padlock.security")
                .that()
                .hasParentObservationContextMatching((parent) -> parent.getName().equals("http.server.requests"));
        });
    }

    @Test
    void observationWhenNoCredentialsThenMissing() {
        this.contextRunner.withUserConfiguration(Observed.class).run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/me")).hasStatus(HttpStatus.UNAUTHORIZED);
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                .hasSingleObservationThat()
                .hasLowCardinalityKeyValue("outcome", "missing")
                .hasLowCardinalityKeyValue("scheme", "basicAuth");
        });
    }

    @Test
    void observationWhenEveryAlternativeFailsThenSchemeNone() {
        this.contextRunner.withUserConfiguration(Observed.class).run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/either").header("Authorization", basic("alice", "x")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                .hasSingleObservationThat()
                .hasLowCardinalityKeyValue("outcome", "invalid")
                .hasLowCardinalityKeyValue("scheme", "none")
                .hasLowCardinalityKeyValue("verifier", "none");
        });
    }

    @Test
    void observationWhenSecondAlternativeSucceedsThenItsSchemeAndVerifier() {
        this.contextRunner.withUserConfiguration(Observed.class).run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/either").header("X-API-KEY", "key-1")).hasStatusOk();
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                .hasSingleObservationThat()
                .hasLowCardinalityKeyValue("outcome", "granted")
                .hasLowCardinalityKeyValue("scheme", "apiKey")
                .hasLowCardinalityKeyValue("verifier", "keyUser");
        });
    }

    @Test
    void eventsWhenGrantedThenSuccessEventCarriesPrincipal() {
        this.contextRunner.withUserConfiguration(Listening.class).run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/me").header("Authorization", basic("alice", "pw")))
                .hasStatusOk();
            List<Object> events = context.getBean(Listening.class).events;
            assertThat(events).singleElement().isInstanceOfSatisfying(SecuritySuccessEvent.class, (event) -> {
                assertThat(event.getPrincipal()).isEqualTo("alice");
                assertThat(event.getScheme()).isEqualTo("basicAuth");
                assertThat(event.getVerifier()).isEqualTo("currentUser");
            });
        });
    }

    @Test
    void eventsWhenRefusedThenFailureEventCarriesOutcomeAndScheme() {
        this.contextRunner.withUserConfiguration(Listening.class).run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/me").header("Authorization", basic("alice", "no")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
            List<Object> events = context.getBean(Listening.class).events;
            assertThat(events).singleElement().isInstanceOfSatisfying(SecurityFailureEvent.class, (event) -> {
                assertThat(event.getOutcome()).isEqualTo(SecurityOutcome.INVALID);
                assertThat(event.getScheme()).isEqualTo("basicAuth");
            });
        });
    }

    @Test
    void eventsWhenDisabledThenNone() {
        this.contextRunner.withUserConfiguration(Listening.class)
            .withPropertyValues("padlock.events.enabled=false")
            .run((context) -> {
                assertThat(MockMvcTester.from(context).get().uri("/me").header("Authorization", basic("alice", "pw")))
                    .hasStatusOk();
                assertThat(context.getBean(Listening.class).events).isEmpty();
            });
    }

    @Test
    void observationWhenLimiterRefusesThenLimitedAndFailureEvent() {
        this.contextRunner.withUserConfiguration(Observed.class, Listening.class)
            .withPropertyValues("padlock.brute-force.enabled=true", "padlock.brute-force.max-failures=2")
            .run((context) -> {
                MockMvcTester mvc = MockMvcTester.from(context);
                for (int i = 0; i < 2; i++) {
                    assertThat(mvc.get().uri("/me").header("Authorization", basic("alice", "no")))
                        .hasStatus(HttpStatus.UNAUTHORIZED);
                }
                assertThat(mvc.get().uri("/me").header("Authorization", basic("alice", "pw")))
                    .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
                TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("padlock.security", 3)
                    .hasAnObservationWithAKeyValue("outcome", "limited");
                assertThat(context.getBean(Listening.class).events).last()
                    .isInstanceOfSatisfying(SecurityFailureEvent.class, (event) -> {
                        assertThat(event.getOutcome()).isEqualTo(SecurityOutcome.LIMITED);
                        assertThat(event.getScheme()).isEqualTo("none");
                    });
            });
    }

    @Test
    void auditWhenRepositoryThenSuccessAndFailuresRecordedWithoutCredentials() {
        this.contextRunner.withUserConfiguration(Audited.class).run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/me").header("Authorization", basic("alice", "pw"))).hasStatusOk();
            assertThat(mvc.get().uri("/me").header("Authorization", basic("alice", "wrong-pw")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(mvc.get().uri("/scoped").header("X-API-KEY", "key-1")).hasStatus(HttpStatus.FORBIDDEN);
            List<AuditEvent> audit = context.getBean(AuditEventRepository.class).find(null, null, null);
            assertThat(audit).extracting(AuditEvent::getType)
                .containsExactly("AUTHENTICATION_SUCCESS", "AUTHENTICATION_FAILURE", "AUTHORIZATION_FAILURE");
            assertThat(audit.get(0).getData()).containsEntry("scheme", "basicAuth")
                .containsEntry("verifier", "currentUser");
            assertThat(audit.get(1).getPrincipal()).isEmpty();
            assertThat(audit.get(1).getData()).containsEntry("outcome", "invalid");
            assertThat(audit.get(2).getData()).containsEntry("outcome", "forbidden")
                .containsEntry("verifier", "scopedKeyUser");
            assertThat(audit.toString()).doesNotContain("wrong-pw").doesNotContain("key-1");
        });
    }

    @Test
    void auditWhenNoRepositoryThenNoListener() {
        this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(PadlockAuditListener.class));
    }

    @Test
    void auditWhenEventsDisabledThenNoListener() {
        this.contextRunner.withUserConfiguration(Audited.class)
            .withPropertyValues("padlock.events.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(PadlockAuditListener.class));
    }

    @Test
    void tokenEndpointWhenObservedThenOutcomeIsTheGrantOrError() {
        this.contextRunner.withUserConfiguration(Observed.class, Listening.class)
            .withConfiguration(AutoConfigurations.of(PadlockUsersAutoConfiguration.class,
                    PadlockJwtAutoConfiguration.class, PadlockTokenStoreAutoConfiguration.class))
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.users.stanley.password={noop}pw",
                    "padlock.users.stanley.scopes=items:read", "padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!")
            .run((context) -> {
                MockMvcTester mvc = MockMvcTester.from(context);
                assertThat(token(mvc, "grant_type=password&username=stanley&password=pw")).hasStatusOk();
                assertThat(token(mvc, "grant_type=password&username=stanley&password=no"))
                    .hasStatus(HttpStatus.BAD_REQUEST);
                assertThat(token(mvc, "grant_type=password&username=stanley&password=pw&scope=admin"))
                    .hasStatus(HttpStatus.BAD_REQUEST);
                assertThat(token(mvc, "grant_type=client_credentials&username=stanley&password=pw"))
                    .hasStatus(HttpStatus.BAD_REQUEST);
                assertThat(token(mvc, "username=stanley&password=pw")).hasStatus(HttpStatus.BAD_REQUEST);
                List<Observation.Context> stopped = context.getBean(Observed.class).stopped;
                assertThat(stopped).extracting((observed) -> observed.getName() + " "
                        + observed.getLowCardinalityKeyValue("outcome").getValue())
                    .containsExactly("padlock.token granted", "padlock.token invalid_grant",
                            "padlock.token invalid_scope", "padlock.token unsupported_grant_type",
                            "padlock.token invalid_request");
                assertThat(stopped.toString()).doesNotContain("stanley");
                List<Object> events = context.getBean(Listening.class).events;
                assertThat(events).hasSize(3);
                assertThat(events.get(0)).isInstanceOfSatisfying(SecuritySuccessEvent.class, (event) -> {
                    assertThat(event.getPrincipal()).isEqualTo(new UserPrincipal("stanley", List.of("items:read")));
                    assertThat(event.getScheme()).isEqualTo("tokenEndpoint");
                });
                assertThat(events.subList(1, 3)).extracting((event) -> ((SecurityFailureEvent) event).getOutcome())
                    .containsExactly(SecurityOutcome.INVALID, SecurityOutcome.FORBIDDEN);
            });
    }

    @Test
    void revocationEndpointWhenObservedThenOutcomeAndTokenTypeNeverTheToken() {
        this.contextRunner.withUserConfiguration(Observed.class)
            .withConfiguration(AutoConfigurations.of(PadlockUsersAutoConfiguration.class,
                    PadlockJwtAutoConfiguration.class, PadlockTokenStoreAutoConfiguration.class))
            .withPropertyValues("padlock.token-endpoint.enabled=true", "padlock.users.stanley.password={noop}pw",
                    "padlock.token-endpoint.refresh-tokens.enabled=true",
                    "padlock.jwt.secret=a-secret-of-at-least-thirty-two-bytes-long!")
            .run((context) -> {
                MockMvcTester mvc = MockMvcTester.from(context);
                String body = token(mvc, "grant_type=password&username=stanley&password=pw").getResponse()
                    .getContentAsString();
                String accessToken = JsonPath.read(body, "$.access_token");
                String refreshToken = JsonPath.read(body, "$.refresh_token");
                assertThat(revoke(mvc, "token=" + accessToken)).hasStatusOk();
                assertThat(revoke(mvc, "token=" + refreshToken)).hasStatusOk();
                assertThat(revoke(mvc, "token=unknown")).hasStatusOk();
                assertThat(revoke(mvc, "token_type_hint=access_token")).hasStatus(HttpStatus.BAD_REQUEST);
                List<Observation.Context> stopped = context.getBean(Observed.class).stopped.stream()
                    .filter((observed) -> observed.getName().equals(TokenRevocationEndpoint.OBSERVATION))
                    .toList();
                assertThat(stopped).extracting((observed) -> observed.getLowCardinalityKeyValue("token.type").getValue()
                        + " " + observed.getLowCardinalityKeyValue("outcome").getValue())
                    .containsExactly("access_token revoked", "refresh_token revoked", "refresh_token ignored",
                            "unknown invalid_request");
                assertThat(stopped.toString()).doesNotContain(accessToken).doesNotContain(refreshToken);
            });
    }

    private static MvcTestResult revoke(MockMvcTester mvc, String form) {
        return mvc.post().uri("/token/revoke").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form)
            .exchange();
    }

    private static MvcTestResult token(MockMvcTester mvc, String form) {
        return mvc.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form).exchange();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Configuration(proxyBeanMethods = false)
    static class Observed {

        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Bean
        TestObservationRegistry observationRegistry() {
            TestObservationRegistry registry = TestObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }

                @Override
                public void onStop(Observation.Context context) {
                    Observed.this.stopped.add(context);
                }
            });
            return registry;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Audited {

        @Bean
        InMemoryAuditEventRepository auditEventRepository() {
            return new InMemoryAuditEventRepository();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class Listening {

        final List<Object> events = new ArrayList<>();

        @EventListener
        void on(SecuritySuccessEvent event) {
            this.events.add(event);
        }

        @EventListener
        void on(SecurityFailureEvent event) {
            this.events.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SecuredApp {

        @Bean
        HttpBasic basicAuth() {
            return HttpBasic.builder().build();
        }

        @Bean
        ApiKeyHeader apiKey() {
            return ApiKeyHeader.builder().name("X-API-KEY").autoError(false).build();
        }

        @Bean
        Verifier<String> currentUser(HttpBasic basicAuth) {
            return Verifier.of(basicAuth, (HttpBasicCredentials credentials, io.github.padlock.SecurityScopes scopes) -> {
                if (!"pw".equals(credentials.password())) {
                    throw new PadlockException(HttpStatus.UNAUTHORIZED, "Incorrect username or password",
                            List.of("Basic"), SecurityOutcome.INVALID);
                }
                return credentials.username();
            });
        }

        @Bean
        Verifier<String> keyUser(ApiKeyHeader apiKey) {
            return Verifier.of(apiKey, (String key, io.github.padlock.SecurityScopes scopes) -> {
                if (key == null || !key.equals("key-1")) {
                    throw new PadlockException(HttpStatus.UNAUTHORIZED, "Invalid key", List.of("APIKey"),
                            SecurityOutcome.INVALID);
                }
                return "key-user";
            });
        }

        @Bean
        Verifier<String> scopedKeyUser(ApiKeyHeader apiKey) {
            return Verifier.of(apiKey, (String key, io.github.padlock.SecurityScopes scopes) -> {
                if (!scopes.scopes().isEmpty()) {
                    throw new PadlockException(HttpStatus.FORBIDDEN, "Not enough permissions", List.of(),
                            SecurityOutcome.FORBIDDEN);
                }
                return "key-user";
            });
        }

        @Bean
        Controller controller() {
            return new Controller();
        }
    }

    @RestController
    static class Controller {

        @GetMapping("/me")
        String me(@SecurityParam("currentUser") String user) {
            return user;
        }

        @GetMapping("/scoped")
        String scoped(@SecurityParam(value = "scopedKeyUser", scopes = "admin") String user) {
            return user;
        }

        @GetMapping("/either")
        String either(@SecurityParam(anyOf = { "currentUser", "keyUser" }) String user) {
            return user;
        }
    }
}
