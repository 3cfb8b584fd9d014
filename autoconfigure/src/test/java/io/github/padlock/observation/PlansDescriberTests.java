package io.github.padlock.observation;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.observation.PlansDescriptor.AnyOfRequirement;
import io.github.padlock.observation.PlansDescriptor.DependencyRequirement;
import io.github.padlock.observation.PlansDescriptor.Edge;
import io.github.padlock.observation.PlansDescriptor.HandlerDescriptor;
import io.github.padlock.observation.PlansDescriptor.SchemeDescriptor;
import io.github.padlock.observation.PlansDescriptor.VerifierDescriptor;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.OAuth2PasswordBearer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The description of a small application's plans, with a plain bean factory and hand-made mappings: every kind of
 * requirement (all-of, {@code anyOf}, scopes, required and optional), public and unguarded handlers, a verifier chain
 * with scopes on its edge, and nothing a scheme or verifier holds.
 */
class PlansDescriberTests {

    private static final String PASSWORD = "correct-horse-battery-staple";

    private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

    private final HttpBasic basicAuth = HttpBasic.builder().realm("store").build();

    private final ApiKeyHeader optionalKey = ApiKeyHeader.builder().name("X-Key").autoError(false).build();

    private final OAuth2PasswordBearer oauth2 = OAuth2PasswordBearer.builder("/token")
        .scopes(Map.of("me", "Read yourself"))
        .build();

    private final Verifier<String> basicUser = Verifier.of(this.basicAuth,
            (credentials, scopes) -> PASSWORD.equals(credentials.password()) ? credentials.username() : null);

    PlansDescriberTests() {
        this.beanFactory.registerSingleton("basicAuth", this.basicAuth);
        this.beanFactory.registerSingleton("optionalKey", this.optionalKey);
        this.beanFactory.registerSingleton("oauth2", this.oauth2);
        this.beanFactory.registerSingleton("basicUser", this.basicUser);
        RootBeanDefinition activeUser = new RootBeanDefinition(Verifier.class);
        activeUser.setTargetType(ResolvableType.forClassWithGenerics(Verifier.class, String.class));
        activeUser.setInstanceSupplier(
                () -> Verifier.of(this.basicUser, List.of("me"), (user, scopes) -> user + " (active)"));
        this.beanFactory.registerBeanDefinition("activeUser", activeUser);
        this.beanFactory.registerSingleton("tokenUser", Verifier.of(this.oauth2, (token, scopes) -> "token"));
    }

    @Test
    void describeWhenSchemesThenTypeComponentKeyChallengeAndOpenApiObject() {
        PlansDescriptor described = describe();
        assertThat(described.schemes()).containsOnlyKeys("basicAuth", "oauth2", "optionalKey");
        assertThat(described.schemes().get("basicAuth")).isEqualTo(new SchemeDescriptor(HttpBasic.class.getName(),
                "HTTPBasic", true, "Basic realm=\"store\"", Map.of("type", "http", "scheme", "basic")));
        assertThat(described.schemes().get("optionalKey")).isEqualTo(new SchemeDescriptor(
                ApiKeyHeader.class.getName(), "APIKeyHeader", false, "APIKey",
                Map.of("type", "apiKey", "name", "X-Key", "in", "header")));
        assertThat(described.schemes().get("oauth2").openApi()).isEqualTo(Map.of("type", "oauth2", "flows",
                Map.of("password", Map.of("tokenUrl", "/token", "scopes", Map.of("me", "Read yourself")))));
    }

    @Test
    void describeWhenVerifierChainThenEachWithWhatItReadsAndTheScopesOnTheEdge() {
        PlansDescriptor described = describe();
        assertThat(described.verifiers()).containsOnlyKeys("activeUser", "basicUser", "tokenUser");
        assertThat(described.verifiers().get("activeUser")).isEqualTo(new VerifierDescriptor(
                Verifier.class.getName(), String.class.getName(), List.of(new Edge("basicUser", List.of("me")))));
        assertThat(described.verifiers().get("basicUser")).isEqualTo(new VerifierDescriptor(Verifier.class.getName(),
                null, List.of(new Edge("basicAuth", List.of()))));
    }

    @Test
    void describeWhenHandlersThenEachWithItsRequirementsSortedByPatternThenMethod() {
        List<HandlerDescriptor> handlers = describe().handlers();
        String controller = StoreController.class.getName();
        assertThat(handlers).extracting(HandlerDescriptor::patterns)
            .containsExactly(List.of("/any"), List.of("/items", "/items/all"), List.of("/items/{id}"),
                    List.of("/items/{id}"), List.of("/maybe"), List.of("/users/me"));
        assertThat(handlers.get(0)).isEqualTo(new HandlerDescriptor(List.of("/any"), List.of(),
                controller + ".forgotten()", PlansDescriptor.NONE, List.of()));
        assertThat(handlers.get(1)).isEqualTo(new HandlerDescriptor(List.of("/items", "/items/all"),
                List.of("GET", "HEAD"), controller + ".items()", PlansDescriptor.PUBLIC, List.of()));
        assertThat(handlers.get(2)).isEqualTo(new HandlerDescriptor(List.of("/items/{id}"), List.of("DELETE"),
                controller + ".delete(long, String)", PlansDescriptor.REQUIRED,
                List.of(new DependencyRequirement("tokenUser", List.of(), true),
                        new AnyOfRequirement(List.of("activeUser", "tokenUser"), List.of("me"), true))));
        assertThat(handlers.get(3).methods()).containsExactly("PUT");
        assertThat(handlers.get(3).allOf()).containsExactly(new DependencyRequirement("activeUser", List.of(), false));
        assertThat(handlers.get(3).security()).isEqualTo(PlansDescriptor.REQUIRED);
        assertThat(handlers.get(4)).isEqualTo(new HandlerDescriptor(List.of("/maybe"), List.of("GET"),
                controller + ".maybe(Optional)", PlansDescriptor.OPTIONAL,
                List.of(new DependencyRequirement("optionalKey", List.of(), false))));
        assertThat(handlers.get(5).allOf()).containsExactly(new DependencyRequirement("activeUser", List.of(), true));
    }

    @Test
    void describeWhenVerifierHoldsASecretThenTheDescriptionHasNone() {
        assertThat(describe().toString()).doesNotContain(PASSWORD).contains("basicUser");
    }

    private PlansDescriptor describe() {
        SecurityPlans plans = new SecurityPlans(this.beanFactory);
        StoreController controller = new StoreController();
        return PlansDescriber.describe(this.beanFactory, plans, List.of(
                mapping(RequestMappingInfo.paths("/users/me").methods(RequestMethod.GET), controller, "me"),
                mapping(RequestMappingInfo.paths("/items/all", "/items").methods(RequestMethod.HEAD,
                        RequestMethod.GET), controller, "items"),
                mapping(RequestMappingInfo.paths("/maybe").methods(RequestMethod.GET), controller, "maybe"),
                mapping(RequestMappingInfo.paths("/items/{id}").methods(RequestMethod.PUT), controller, "update"),
                mapping(RequestMappingInfo.paths("/items/{id}").methods(RequestMethod.DELETE), controller, "delete"),
                mapping(RequestMappingInfo.paths("/any"), controller, "forgotten")));
    }

    private static SimpleEntry<RequestMappingInfo, HandlerMethod> mapping(RequestMappingInfo.Builder info,
            Object controller, String name) {
        for (java.lang.reflect.Method method : controller.getClass().getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return new SimpleEntry<>(info.build(), new HandlerMethod(controller, method));
            }
        }
        throw new IllegalArgumentException(name);
    }

    static class StoreController {

        String me(@SecurityParam("activeUser") String user) {
            return user;
        }

        @PublicEndpoint
        String items() {
            return "items";
        }

        String maybe(@SecurityParam("optionalKey") Optional<String> key) {
            return key.orElse("anonymous");
        }

        String update(long id, @SecurityParam("activeUser") @Nullable String user) {
            return id + " " + user;
        }

        @RequiresSecurity("tokenUser")
        String delete(long id, @SecurityParam(anyOf = { "activeUser", "tokenUser" }, scopes = "me") String user) {
            return id + " " + user;
        }

        String forgotten() {
            return "open";
        }
    }
}
