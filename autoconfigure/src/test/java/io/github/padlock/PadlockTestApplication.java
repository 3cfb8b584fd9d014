package io.github.padlock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBasicCredentials;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small application for HTTP and OpenAPI tests: Basic schemes (required and optional), a verifier chain with
 * scopes, and a controller that counts what runs. No component scanning, so other tests' controllers stay out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PadlockTestApplication.TestController.class)
public class PadlockTestApplication {

    /** Every verifier call, with the scopes it received, in call order. */
    public static final List<String> calls = new CopyOnWriteArrayList<>();

    /** How many times a handler with a body ran. */
    public static final AtomicInteger handlerCalls = new AtomicInteger();

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().realm("test").build();
    }

    @Bean
    HttpBasic optionalBasic() {
        return HttpBasic.builder().autoError(false).schemeName("OptionalBasic").description("Optional").build();
    }

    @Bean
    Verifier<TestUser> currentUser(HttpBasic basicAuth) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            calls.add("currentUser" + scopes.scopes());
            Objects.requireNonNull(credentials);
            boolean ok = MessageDigest.isEqual(credentials.username().getBytes(StandardCharsets.UTF_8),
                    "john".getBytes(StandardCharsets.UTF_8))
                    & MessageDigest.isEqual(credentials.password().getBytes(StandardCharsets.UTF_8),
                            "secret".getBytes(StandardCharsets.UTF_8));
            if (!ok) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            return new TestUser(credentials.username());
        });
    }

    @Bean
    Verifier<TestAdmin> adminUser(Verifier<TestUser> currentUser) {
        return Verifier.of(currentUser, List.of("admin"), (user, scopes) -> {
            calls.add("adminUser" + scopes.scopes());
            return new TestAdmin(Objects.requireNonNull(user));
        });
    }

    public record TestUser(String name) {
    }

    public record TestAdmin(TestUser user) {
    }

    @RestController
    static class TestController {

        @PublicEndpoint
        @GetMapping("/public")
        Map<String, String> publicData() {
            return Map.of("data", "public");
        }

        @ApiResponse(responseCode = "401", description = "Documented by the application: kept as it is")
        @GetMapping("/basic")
        Map<String, String> basic(@SecurityParam("basicAuth") HttpBasicCredentials credentials) {
            return Map.of("username", credentials.username());
        }

        @GetMapping("/optional")
        Map<String, String> optional(@SecurityParam("optionalBasic") @Nullable HttpBasicCredentials credentials) {
            return Map.of("username", (credentials != null) ? credentials.username() : "anonymous");
        }

        @GetMapping("/optional-wrapped")
        Map<String, String> optionalWrapped(@SecurityParam("optionalBasic") Optional<HttpBasicCredentials> credentials) {
            return Map.of("username", credentials.map(HttpBasicCredentials::username).orElse("anonymous"));
        }

        @GetMapping("/me")
        Map<String, Object> me(@SecurityParam TestUser user, @SecurityParam("currentUser") TestUser again) {
            return Map.of("name", user.name(), "same", user == again);
        }

        @GetMapping("/admin")
        Map<String, String> admin(@SecurityParam(value = "adminUser", scopes = "items") TestAdmin admin) {
            return Map.of("name", admin.user().name());
        }

        @PostMapping("/items")
        Map<String, Object> createItem(@RequestBody Map<String, Object> item,
                @SecurityParam("currentUser") TestUser user) {
            handlerCalls.incrementAndGet();
            return item;
        }
    }
}
