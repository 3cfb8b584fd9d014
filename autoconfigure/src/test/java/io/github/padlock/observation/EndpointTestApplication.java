package io.github.padlock.observation;

import java.util.List;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.UserPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application for the actuator endpoint's tests: the schemes and built-in verifiers of
 * {@code endpoint/endpoint-test.properties} (users, API keys, JWTs, with a password hash, a key hash and a secret), a
 * verifier of its own asking a scope of the one
 * below, and a handler of each kind: required, {@code anyOf} under a class-level requirement, optional, public on
 * purpose, and open by accident. No component scanning, so other tests' controllers stay out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ EndpointTestApplication.StoreController.class, EndpointTestApplication.AdminController.class })
public class EndpointTestApplication {

    /** Its {@code padlock.*} properties. */
    static final String PROPERTIES = "classpath:endpoint/endpoint-test.properties";

    /** FastAPI's {@code get_current_active_user}: asks {@code items:read} of the user verifier below it. */
    @Bean
    Verifier<UserPrincipal> activeUser(Verifier<UserPrincipal> basicUser) {
        return Verifier.of(basicUser, List.of("items:read"), (user, scopes) -> user);
    }

    @RestController
    static class StoreController {

        @GetMapping("/users/me")
        String me(@SecurityParam("activeUser") UserPrincipal user) {
            return user.username();
        }

        @GetMapping("/maybe")
        String maybe(@SecurityParam("apiKeyHeader") @Nullable String key) {
            return (key != null) ? "key" : "anonymous";
        }

        @PublicEndpoint
        @GetMapping({ "/items", "/items/" })
        List<String> items() {
            return List.of("padlock");
        }

        @GetMapping("/forgotten")
        String forgotten() {
            return "open";
        }
    }

    @RestController
    @RequiresSecurity("keyUser")
    static class AdminController {

        @PostMapping("/admin/items")
        String create(@SecurityParam(anyOf = { "basicUser", "tokenUser" }, scopes = "items:read") Object user) {
            return "created";
        }
    }
}
