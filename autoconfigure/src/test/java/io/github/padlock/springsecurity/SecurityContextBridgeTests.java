package io.github.padlock.springsecurity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.autoconfigure.PadlockSpringSecurityAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge with spring-security-core alone, through MockMvc, which runs each request on the test's own thread: what
 * the handler sees in Spring Security's {@code SecurityContextHolder}, and that the thread holds afterwards what it
 * held before.
 */
class SecurityContextBridgeTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                PadlockAutoConfiguration.class, PadlockSpringSecurityAutoConfiguration.class))
        .withUserConfiguration(BridgeTestConfiguration.class);

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void bridgeWhenGrantedThenTheHandlerSeesPadlocksPrincipalAsAnAuthenticatedAuthentication() {
        this.contextRunner.run((context) -> {
            MvcTestResult result = MockMvcTester.from(context).get().uri("/me").header("Authorization", basic("bob"))
                .exchange();
            assertThat(result).hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"authentication\":\"PadlockAuthentication\",\"name\":\"bob\","
                        + "\"authenticated\":true,\"authorities\":[\"SCOPE_items:read\",\"SCOPE_items:write\"],"
                        + "\"parameter\":\"bob\",\"samePrincipal\":true,\"rendered\":\"bob\"}");
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        });
    }

    @Test
    void bridgeWhenHandlerRequiresSecurityWithoutParameterThenThatPrincipal() {
        this.contextRunner.run((context) -> assertThat(MockMvcTester.from(context)
            .get()
            .uri("/required")
            .header("Authorization", basic("alice"))).hasStatusOk()
            .bodyJson()
            .isLenientlyEqualTo("{\"name\":\"alice\",\"authorities\":[\"SCOPE_items:read\"]}"));
    }

    @Test
    void bridgeWhenThreadHeldAnAuthenticationThenReplacedForTheHandlerAndPutBackUnchanged() {
        TestingAuthenticationToken previous = new TestingAuthenticationToken("session-user", "n/a", "ROLE_ADMIN");
        SecurityContext held = SecurityContextHolder.createEmptyContext();
        held.setAuthentication(previous);
        SecurityContextHolder.setContext(held);
        this.contextRunner.run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/me").header("Authorization", basic("alice")))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"name\":\"alice\",\"parameter\":\"alice\"}");
            assertThat(SecurityContextHolder.getContext()).isSameAs(held);
            assertThat(held.getAuthentication()).as("the context held before is never changed").isSameAs(previous);
        });
    }

    @Test
    void bridgeWhenRefusedThenTheContextIsNotTouched() {
        this.contextRunner.run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/me").header("Authorization", "Basic " + encode("bob:wrong")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(mvc.get().uri("/write").header("Authorization", basic("alice")))
                .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        });
    }

    @Test
    void bridgeWhenOptionalSecurityAbsentOrUnguardedHandlerThenNoAuthentication() {
        this.contextRunner.run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/maybe")).hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"authentication\":\"none\"}");
            assertThat(mvc.get().uri("/open").header("Authorization", basic("bob"))).hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"authentication\":\"none\"}");
        });
    }

    @Test
    void bridgeWhenGuardedThenUnguardedOnTheSameThreadThenNothingLeaks() {
        this.contextRunner.run((context) -> {
            MockMvcTester mvc = MockMvcTester.from(context);
            for (String user : List.of("alice", "bob", "carol")) {
                assertThat(mvc.get().uri("/me").header("Authorization", basic(user))).hasStatusOk();
                assertThat(mvc.get().uri("/denied").header("Authorization", basic(user)))
                    .hasStatus(HttpStatus.FORBIDDEN);
                assertThat(mvc.get().uri("/open")).bodyJson().isLenientlyEqualTo("{\"authentication\":\"none\"}");
            }
        });
    }

    @Test
    void bridgeWhenBareSchemesCredentialsThenUserNameButNotAuthenticated() {
        this.contextRunner.run((context) -> assertThat(MockMvcTester.from(context)
            .get()
            .uri("/raw")
            .header("Authorization", "Basic " + encode("mallory:anything"))).hasStatusOk()
            .bodyJson()
            .isLenientlyEqualTo("{\"authentication\":\"PadlockAuthentication\",\"name\":\"mallory\","
                    + "\"authenticated\":false,\"authorities\":[]}"));
    }

    @Test
    void bridgeWhenCallableThenTheAsyncDispatchSeesThePrincipalAndNoThreadKeepsIt() {
        this.contextRunner.run((context) -> {
            MvcTestResult result = MockMvcTester.from(context).get().uri("/async")
                .header("Authorization", basic("carol"))
                .exchange();
            // Without Spring Security's web integration nothing carries the context to the Callable's thread.
            assertThat(result).hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"callable\":\"none\",\"parameter\":\"carol\",\"rendered\":\"carol\"}");
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        });
    }

    @Test
    void bridgeWhenAccessDeniedInAPadlockHandlerThen403NotEnoughPermissionsProblem() {
        this.contextRunner.run((context) -> {
            MvcTestResult result = MockMvcTester.from(context).get().uri("/denied")
                .header("Authorization", basic("alice"))
                .exchange();
            assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo("{\"status\":403,\"detail\":\"Not enough permissions\",\"instance\":\"/denied\"}");
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).isNull();
        });
    }

    @Test
    void bridgeWhenAccessDeniedOutsidePadlocksAuthenticationThenLeftToSpringSecurity() {
        this.contextRunner.run((context) -> assertThat(MockMvcTester.from(context).get().uri("/open/denied"))
            .hasFailed()
            .failure()
            .hasCauseInstanceOf(AccessDeniedException.class));
    }

    @Test
    void autoConfigurationWhenDisabledThenNoBridge() {
        this.contextRunner.withPropertyValues("padlock.spring-security.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean("padlockSpringSecurityWebMvcConfigurer");
            MockMvcTester mvc = MockMvcTester.from(context);
            assertThat(mvc.get().uri("/me").header("Authorization", basic("bob"))).hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"parameter\":\"bob\",\"rendered\":\"none\"}");
            assertThat(mvc.get().uri("/denied").header("Authorization", basic("bob"))).hasFailed()
                .failure()
                .hasCauseInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void autoConfigurationWhenSpringSecurityAbsentThenBacksOffAndPadlockWorks() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security.core.",
                "org.springframework.security.access."))
            .withUserConfiguration(WithoutSpringSecurity.class)
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean("padlockSpringSecurityWebMvcConfigurer");
                assertThat(MockMvcTester.from(context).get().uri("/alone").header("Authorization", basic("bob")))
                    .hasStatusOk();
            });
    }

    @Test
    void autoConfigurationWhenStrategyBeanThenTheBridgeUsesIt() {
        this.contextRunner.withUserConfiguration(RecordingStrategy.class).run((context) -> {
            assertThat(MockMvcTester.from(context).get().uri("/me").header("Authorization", basic("bob")))
                .hasStatusOk();
            assertThat(context.getBean(RecordingHolder.class).set).hasSize(2)
                .satisfies((set) -> assertThat(set.get(0).getName()).isEqualTo("bob"))
                .satisfies((set) -> assertThat(set.get(1)).isNull());
        });
    }

    @Test
    void autoConfigurationWhenOwnConfigurerOfThatNameThenItBacksOff() {
        this.contextRunner.withUserConfiguration(OwnConfigurer.class).run((context) -> {
            assertThat(context.getBean("padlockSpringSecurityWebMvcConfigurer")).isSameAs(OwnConfigurer.CONFIGURER);
            assertThat(MockMvcTester.from(context).get().uri("/me").header("Authorization", basic("bob")))
                .bodyJson()
                .isLenientlyEqualTo("{\"rendered\":\"none\"}");
        });
    }

    static String basic(String user) {
        return "Basic " + encode(user + ":" + user + "-pw");
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** An application whose handler names no Spring Security type, for a class loader without it. */
    @Configuration(proxyBeanMethods = false)
    @org.springframework.context.annotation.Import(AloneController.class)
    static class WithoutSpringSecurity {
    }

    @org.springframework.web.bind.annotation.RestController
    static class AloneController {

        @org.springframework.web.bind.annotation.GetMapping("/alone")
        String alone(@io.github.padlock.SecurityParam("currentUser") io.github.padlock.credentials.UserPrincipal user) {
            return user.username();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingStrategy {

        @Bean
        RecordingHolder recordingHolder() {
            return new RecordingHolder(SecurityContextHolder.getContextHolderStrategy());
        }
    }

    /** The global holder, recording the authentication of each context set (or {@code null} for a clear). */
    static final class RecordingHolder implements SecurityContextHolderStrategy {

        final List<Authentication> set = new ArrayList<>();

        private final SecurityContextHolderStrategy delegate;

        RecordingHolder(SecurityContextHolderStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public void clearContext() {
            this.set.add(null);
            this.delegate.clearContext();
        }

        @Override
        public SecurityContext getContext() {
            return this.delegate.getContext();
        }

        @Override
        public Supplier<SecurityContext> getDeferredContext() {
            return this.delegate.getDeferredContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            this.set.add(context.getAuthentication());
            this.delegate.setContext(context);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return this.delegate.createEmptyContext();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConfigurer {

        static final org.springframework.web.servlet.config.annotation.WebMvcConfigurer CONFIGURER =
                new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
                };

        @Bean
        org.springframework.web.servlet.config.annotation.WebMvcConfigurer padlockSpringSecurityWebMvcConfigurer() {
            return CONFIGURER;
        }
    }
}
