package io.github.padlock.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.scheme.HttpBasicCredentials;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One plan per handler, not per {@link java.lang.reflect.Method}: a handler method inherited by an open and a guarded
 * controller — from an abstract base class, an interface's default method, a generic base class (whose subclass's
 * override adds a bridge method), and through a CGLIB proxy — is guarded exactly where its controller says, in requests
 * and in the OpenAPI document, with class-level and method-level requirements combined on each.
 * <p>
 * Credentials: Basic {@code john:secret} ({@code basicUser}), API key {@code key.s3cret} in {@code X-Key}
 * ({@code keyUser}). To regenerate the golden file after a deliberate change, run with
 * {@code -Dpadlock-tests.golden.write=true} and review the diff.
 */
@SpringBootTest(classes = InheritedHandlersTests.App.class,
        properties = { "padlock.schemes.basicAuth.type=http-basic", "padlock.schemes.basicAuth.realm=inherited",
                "padlock.schemes.apiKey.type=api-key-header", "padlock.schemes.apiKey.name=X-Key",
                "padlock.verifiers.basicUser.type=users", "padlock.verifiers.basicUser.scheme=basicAuth",
                "padlock.verifiers.keyUser.type=api-keys", "padlock.verifiers.keyUser.scheme=apiKey",
                "padlock.users.john.password={noop}secret",
                // sha256 of "key.s3cret"
                "padlock.api-keys.key.hash=sha256:661582935c33cd585346541988d4e40dd4decb145e46c38f8aa7f647ad358b61" })
@AutoConfigureMockMvc
class InheritedHandlersTests {

    private static final String GOLDEN = "openapi/inherited-handlers.json";

    private static final String BASIC = "Basic " + Base64.getEncoder()
        .encodeToString("john:secret".getBytes(StandardCharsets.UTF_8));

    private static final String KEY = "key.s3cret";

    private static final String BASIC_CHALLENGE = "Basic realm=\"inherited\"";

    private static final AtomicInteger handlerCalls = new AtomicInteger();

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void reset() {
        handlerCalls.set(0);
    }

    @Test
    void abstractBaseWhenOpenControllerThenAnonymousAndWhenGuardedThenBasicRequired() {
        assertOk(this.mvc.get().uri("/open/report"));
        assertRefused(this.mvc.get().uri("/guarded/report"), BASIC_CHALLENGE);
        assertOk(this.mvc.get().uri("/guarded/report").header(HttpHeaders.AUTHORIZATION, BASIC));
    }

    @Test
    void abstractBaseWhenMethodLevelRequirementThenCombinedWithEachControllersClassLevel() {
        assertRefused(this.mvc.get().uri("/open/audited"), "APIKey");
        assertOk(this.mvc.get().uri("/open/audited").header("X-Key", KEY));
        assertRefused(this.mvc.get().uri("/guarded/audited").header("X-Key", KEY), BASIC_CHALLENGE);
        assertRefused(this.mvc.get().uri("/guarded/audited").header(HttpHeaders.AUTHORIZATION, BASIC), "APIKey");
        assertOk(this.mvc.get().uri("/guarded/audited").header(HttpHeaders.AUTHORIZATION, BASIC).header("X-Key", KEY));
    }

    @Test
    void abstractBaseWhenParameterThenEachControllerInjectsItsOwnPlan() {
        assertThat(this.mvc.get().uri("/open/whoami").header(HttpHeaders.AUTHORIZATION, BASIC)).hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"user\":\"john\"}");
        assertRefused(this.mvc.get().uri("/guarded/whoami"), BASIC_CHALLENGE);
        assertRefused(this.mvc.get().uri("/proxied/whoami").header(HttpHeaders.AUTHORIZATION, BASIC), "APIKey");
        assertThat(this.mvc.get().uri("/proxied/whoami").header(HttpHeaders.AUTHORIZATION, BASIC).header("X-Key", KEY))
            .hasStatusOk()
            .bodyJson()
            .isStrictlyEqualTo("{\"user\":\"john\"}");
    }

    @Test
    void interfaceDefaultMethodWhenOpenControllerThenAnonymousAndWhenGuardedThenKeyRequired() {
        assertOk(this.mvc.get().uri("/open-status/status"));
        assertRefused(this.mvc.get().uri("/guarded-status/status"), "APIKey");
        assertOk(this.mvc.get().uri("/guarded-status/status").header("X-Key", KEY));
        assertRefused(this.mvc.get().uri("/open-status/checked"), BASIC_CHALLENGE);
        assertRefused(this.mvc.get().uri("/guarded-status/checked").header(HttpHeaders.AUTHORIZATION, BASIC),
                "APIKey");
        assertOk(this.mvc.get().uri("/guarded-status/checked").header(HttpHeaders.AUTHORIZATION, BASIC)
            .header("X-Key", KEY));
    }

    @Test
    void genericBaseWhenOverriddenWithBridgeMethodThenGuardedAndBodyNeverRead() {
        assertThat(this.mvc.post().uri("/open-items/echo").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"hasp\"}")).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"name\":\"hasp\"}");
        assertRefused(this.mvc.post().uri("/guarded-items/echo").contentType(MediaType.APPLICATION_JSON)
            .content("{not json"), BASIC_CHALLENGE);
        assertThat(this.mvc.post().uri("/guarded-items/echo").header(HttpHeaders.AUTHORIZATION, BASIC)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"hasp\"}")).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"name\":\"hasp\"}");
        assertRefused(this.mvc.post().uri("/open-items/audited").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"hasp\"}"), "APIKey");
        assertRefused(this.mvc.post().uri("/guarded-items/audited").header("X-Key", KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"hasp\"}"), BASIC_CHALLENGE);
    }

    @Test
    void cglibProxyWhenGuardedThenPlanOfTheUserClass() {
        assertThat(AopUtils.isCglibProxy(this.context.getBean(ProxiedReports.class))).isTrue();
        assertRefused(this.mvc.get().uri("/proxied/report"), "APIKey");
        assertOk(this.mvc.get().uri("/proxied/report").header("X-Key", KEY));
        assertRefused(this.mvc.get().uri("/proxied/audited").header("X-Key", KEY + "x"), "APIKey");
        assertOk(this.mvc.get().uri("/proxied/audited").header("X-Key", KEY));
    }

    @Test
    void apiDocsWhenInheritedHandlersThenEachOperationHasItsControllersSecurity() throws IOException {
        MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk();
        String actual = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("padlock-tests.golden.write")) {
            Files.writeString(Path.of("src/test/resources", GOLDEN), actual);
        }
        assertThat(result).bodyJson()
            .isStrictlyEqualTo(new ClassPathResource(GOLDEN).getContentAsString(StandardCharsets.UTF_8));
        assertThat(result).bodyJson().doesNotHavePath("$.paths['/open/report'].get.security");
        assertThat(result).bodyJson()
            .extractingPath("$.paths['/guarded/report'].get.security")
            .isEqualTo(java.util.List.of(Map.of("HTTPBasic", java.util.List.of())));
    }

    private void assertOk(MockMvcTester.MockMvcRequestBuilder request) {
        int before = handlerCalls.get();
        assertThat(request).hasStatusOk();
        assertThat(handlerCalls.get()).isEqualTo(before + 1);
    }

    private void assertRefused(MockMvcTester.MockMvcRequestBuilder request, String challenge) {
        int before = handlerCalls.get();
        assertThat(request).hasStatus(HttpStatus.UNAUTHORIZED).hasHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        assertThat(handlerCalls.get()).as("handler ran").isEqualTo(before);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ OpenReports.class, GuardedReports.class, OpenStatus.class, GuardedStatus.class, OpenItems.class,
            GuardedItems.class, ProxiedReports.class })
    static class App {

        /** What {@code @Validated}, {@code @Transactional} or an aspect do to a controller: a CGLIB subclass. */
        @Bean
        static BeanPostProcessor cglibProxies() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof ProxiedReports)) {
                        return bean;
                    }
                    ProxyFactory factory = new ProxyFactory(bean);
                    factory.setProxyTargetClass(true);
                    factory.addAdvice((MethodInterceptor) (invocation) -> invocation.proceed());
                    return factory.getProxy();
                }
            };
        }
    }

    abstract static class ReportsBase {

        @GetMapping("/report")
        Map<String, String> report() {
            handlerCalls.incrementAndGet();
            return Map.of("report", "quarterly");
        }

        @GetMapping("/audited")
        @RequiresSecurity("keyUser")
        Map<String, String> audited() {
            handlerCalls.incrementAndGet();
            return Map.of("report", "audited");
        }

        @GetMapping("/whoami")
        Map<String, String> whoami(@SecurityParam("basicUser") UserPrincipal user) {
            handlerCalls.incrementAndGet();
            return Map.of("user", user.username());
        }
    }

    @RestController
    @RequestMapping("/open")
    static class OpenReports extends ReportsBase {
    }

    @RestController
    @RequestMapping("/guarded")
    @RequiresSecurity("basicUser")
    static class GuardedReports extends ReportsBase {
    }

    @RestController
    @RequestMapping("/proxied")
    @RequiresSecurity("keyUser")
    static class ProxiedReports extends ReportsBase {
    }

    interface StatusApi {

        @GetMapping("/status")
        default Map<String, String> status() {
            handlerCalls.incrementAndGet();
            return Map.of("status", "up");
        }

        @GetMapping("/checked")
        @RequiresSecurity("basicAuth")
        default Map<String, String> checked(@SecurityParam("basicAuth") HttpBasicCredentials credentials) {
            handlerCalls.incrementAndGet();
            return Map.of("status", credentials.username());
        }
    }

    @RestController
    @RequestMapping("/open-status")
    static class OpenStatus implements StatusApi {
    }

    @RestController
    @RequestMapping("/guarded-status")
    @RequiresSecurity("keyUser")
    static class GuardedStatus implements StatusApi {
    }

    record Item(String name) {
    }

    abstract static class CrudBase<T> {

        @PostMapping("/echo")
        T echo(@RequestBody T body) {
            handlerCalls.incrementAndGet();
            return body;
        }

        @PostMapping("/audited")
        @RequiresSecurity("keyUser")
        T audited(@RequestBody T body) {
            handlerCalls.incrementAndGet();
            return body;
        }
    }

    @RestController
    @RequestMapping("/open-items")
    static class OpenItems extends CrudBase<Item> {
    }

    @RestController
    @RequestMapping("/guarded-items")
    @RequiresSecurity("basicUser")
    static class GuardedItems extends CrudBase<Item> {

        @Override
        Item echo(@RequestBody Item body) {
            handlerCalls.incrementAndGet();
            return body;
        }
    }
}
