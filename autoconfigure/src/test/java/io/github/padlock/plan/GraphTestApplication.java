package io.github.padlock.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityParam;
import io.github.padlock.SecurityResolution;
import io.github.padlock.Verifier;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;
import io.github.padlock.scheme.OAuth2PasswordBearer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose verifiers record every call with the scopes they received, for the verifier-graph tests:
 * chains, scopes on every edge, caching, class- and method-level requirements, alternatives and scope checks.
 * <p>
 * Credentials: Basic with any user name but {@code bad}; bearer token {@code good}; API key {@code k} in
 * {@code X-Key}; OAuth2 tokens of the form {@code scopes:a,b} that grant the scopes {@code a} and {@code b}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ GraphTestApplication.PlainController.class, GraphTestApplication.ClassLevelController.class,
        GraphTestApplication.ScopedController.class })
public class GraphTestApplication {

    /** Every verifier call as {@code name[scopes]}, in call order. */
    static final List<String> calls = new CopyOnWriteArrayList<>();

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().realm("graph").build();
    }

    @Bean
    HttpBearer bearer() {
        return HttpBearer.builder().build();
    }

    @Bean
    ApiKeyHeader apiKey() {
        return ApiKeyHeader.builder().name("X-Key").build();
    }

    @Bean
    ApiKeyHeader optionalKey() {
        return ApiKeyHeader.builder().name("X-Optional").schemeName("OptionalKey").autoError(false).build();
    }

    @Bean
    OAuth2PasswordBearer oauth2() {
        return OAuth2PasswordBearer.builder("/token")
            .scopes(Map.of("me", "Read yourself", "items", "Read items", "admin", "Administer"))
            .build();
    }

    @Bean
    Verifier<String> basicUser(HttpBasic basicAuth) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            calls.add("basicUser" + scopes.scopes());
            if (credentials == null || credentials.username().equals("bad")) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return "basic:" + credentials.username();
        });
    }

    @Bean
    Verifier<String> bearerUser(HttpBearer bearer) {
        return Verifier.of(bearer, (credentials, scopes) -> {
            calls.add("bearerUser" + scopes.scopes());
            if (credentials == null || !credentials.credentials().equals("good")) {
                throw new NotAuthenticatedException("Invalid token", "Bearer error=\"invalid_token\"");
            }
            return "bearer:good";
        });
    }

    @Bean
    Verifier<String> keyUser(ApiKeyHeader apiKey) {
        return Verifier.of(apiKey, (key, scopes) -> {
            calls.add("keyUser" + scopes.scopes());
            if (!"k".equals(key)) {
                throw new NotAuthenticatedException("Invalid API key", "APIKey");
            }
            return "key:k";
        });
    }

    /** The scopes an OAuth2 token grants, checked against the scopes required on the path. */
    @Bean
    Verifier<List<String>> tokenUser(OAuth2PasswordBearer oauth2) {
        return Verifier.of(oauth2, (token, scopes) -> {
            calls.add("tokenUser" + scopes.scopes());
            if (token == null || !token.startsWith("scopes:")) {
                throw new NotAuthenticatedException("Could not validate credentials", "Bearer");
            }
            List<String> granted = Arrays.asList(token.substring("scopes:".length()).split(","));
            scopes.require(granted);
            return granted;
        });
    }

    /** FastAPI's {@code get_current_active_user} over {@code get_current_user}: {@code me} asked of the one below. */
    @Bean
    Verifier<String> activeUser(Verifier<List<String>> tokenUser) {
        return Verifier.of(tokenUser, List.of("me"), (granted, scopes) -> {
            calls.add("activeUser" + scopes.scopes());
            return "active";
        });
    }

    /** A leaf that only records its scopes. */
    @Bean
    Verifier<String> leaf(ApiKeyHeader optionalKey) {
        return Verifier.of(optionalKey, (key, scopes) -> {
            calls.add("leaf" + scopes.scopes());
            return "leaf";
        });
    }

    /** FastAPI's {@code test_security_scopes_dont_propagate}: siblings below one parent. */
    @Bean
    Verifier<String> security1(Verifier<String> leaf) {
        return Verifier.of(leaf, (value, scopes) -> {
            calls.add("security1" + scopes.scopes());
            return "security1";
        });
    }

    @Bean
    Verifier<String> security2(Verifier<String> leaf) {
        return Verifier.of(leaf, (value, scopes) -> {
            calls.add("security2" + scopes.scopes());
            return "security2";
        });
    }

    @Bean
    SecurityDependency<String> dep3(Verifier<String> security1, Verifier<String> security2) {
        return new Siblings(security1, security2);
    }

    /** FastAPI's quirk: a grandchild below two edges that each ask {@code x} sees {@code [x, x]}. */
    @Bean
    Verifier<String> middle(Verifier<String> leaf) {
        return Verifier.of(leaf, List.of("x"), (value, scopes) -> {
            calls.add("middle" + scopes.scopes());
            return "middle";
        });
    }

    @Bean
    Verifier<String> top(Verifier<String> middle) {
        return Verifier.of(middle, List.of("x"), (value, scopes) -> {
            calls.add("top" + scopes.scopes());
            return "top";
        });
    }

    /** Counts its runs: FastAPI's {@code dep_counter}. */
    @Bean
    Verifier<Integer> counter(ApiKeyHeader optionalKey) {
        int[] count = new int[1];
        return Verifier.of(optionalKey, (key, scopes) -> {
            calls.add("counter" + scopes.scopes());
            synchronized (count) {
                return ++count[0];
            }
        });
    }

    /** A dependency with two children, each asked for its own scope. */
    static final class Siblings implements SecurityDependency<String> {

        private final SecurityDependency<String> first;

        private final SecurityDependency<String> second;

        Siblings(SecurityDependency<String> first, SecurityDependency<String> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public String resolve(SecurityResolution resolution) {
            calls.add("dep3" + resolution.scopes().scopes());
            return resolution.valueOf(this.first) + "+" + resolution.valueOf(this.second);
        }

        @Override
        public List<ScopedDependency> dependencies() {
            return List.of(new ScopedDependency(this.first, List.of("scope1")),
                    new ScopedDependency(this.second, List.of("scope2")));
        }
    }

    @RestController
    static class PlainController {

        @GetMapping("/one")
        String one(@SecurityParam("basicUser") String user) {
            return user;
        }

        @GetMapping("/allof")
        String allOf(@SecurityParam("basicUser") String basic, @SecurityParam("bearerUser") String bearer) {
            return basic + "&" + bearer;
        }

        @GetMapping("/anyof")
        String anyOf(@SecurityParam(anyOf = { "basicUser", "bearerUser" }) String who) {
            return who;
        }

        @GetMapping("/anyof-and-key")
        @RequiresSecurity("keyUser")
        String anyOfAndKey(@SecurityParam(anyOf = { "basicUser", "bearerUser" }) String who) {
            return who;
        }

        @GetMapping("/optional")
        String optional(@SecurityParam("optionalKey") @Nullable String key) {
            return (key != null) ? key : "anonymous";
        }

        @GetMapping("/siblings")
        String siblings(@SecurityParam(value = "dep3", scopes = "scope3") String value) {
            return value;
        }

        @GetMapping("/quirk")
        String quirk(@SecurityParam(value = "top", scopes = "x") String value) {
            return value;
        }

        @GetMapping("/counter")
        String counter(@SecurityParam("counter") Integer plain, @SecurityParam(value = "counter", scopes = "scope")
                Integer scoped, @SecurityParam(value = "counter", scopes = "scope") Integer scopedAgain) {
            return plain + "," + scoped + "," + scopedAgain;
        }

        @GetMapping("/users/me")
        String me(@SecurityParam(value = "activeUser", scopes = "items") String user) {
            return user;
        }

        @GetMapping("/route-scopes")
        @RequiresSecurity(value = "leaf", scopes = { "a", "b" })
        @RequiresSecurity("counter")
        String routeScopes() {
            return "ok";
        }
    }

    @RestController
    @RequiresSecurity("keyUser")
    static class ClassLevelController {

        @GetMapping("/order")
        @RequiresSecurity("bearerUser")
        String order(@SecurityParam("basicUser") String user) {
            return user;
        }

        @GetMapping("/cached")
        @RequiresSecurity("keyUser")
        String cached(@SecurityParam("keyUser") String first, @SecurityParam("keyUser") String second) {
            return first + "," + second;
        }
    }

    @RestController
    @RequiresSecurity(value = "tokenUser", scopes = "admin")
    static class ScopedController {

        @GetMapping("/scoped")
        @RequiresSecurity(value = "tokenUser", scopes = "items")
        String scoped(@SecurityParam(value = "tokenUser", scopes = "me") List<String> granted) {
            return String.join(",", granted);
        }
    }
}
