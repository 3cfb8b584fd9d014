package io.github.padlock.springsecurity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PublicEndpoint;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.Verifier;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBasicCredentials;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Padlock beside spring-security-core alone (no Spring Security filter, so nothing but the bridge sets or clears the
 * context): users over HTTP Basic whose password is their name followed by {@code -pw}, each answer telling what
 * Spring Security's {@code SecurityContextHolder} held in the handler, and, through {@link RenderedFor}, while the
 * body was written.
 */
@Configuration(proxyBeanMethods = false)
@Import({ BridgeTestConfiguration.BridgeController.class, BridgeTestConfiguration.RenderedFor.class })
class BridgeTestConfiguration {

    /** Each user's scopes: bob may write. */
    static final Map<String, List<String>> USERS = Map.of("alice", List.of("items:read"), "bob",
            List.of("items:read", "items:write"), "carol", List.of(), "dave", List.of("items:read"), "erin",
            List.of("items:write"), "frank", List.of(), "grace", List.of("items:read"), "heidi", List.of());

    /** What an answer says when the holder held no authentication. */
    static final String NONE = "none";

    @Bean
    HttpBasic basicAuth() {
        return HttpBasic.builder().build();
    }

    @Bean
    ApiKeyHeader apiKey() {
        return ApiKeyHeader.builder().name("X-API-KEY").autoError(false).build();
    }

    @Bean
    Verifier<UserPrincipal> currentUser(HttpBasic basicAuth) {
        return Verifier.of(basicAuth, (credentials, scopes) -> {
            List<String> granted = USERS.get(credentials.username());
            byte[] expected = (credentials.username() + "-pw").getBytes(StandardCharsets.UTF_8);
            if (granted == null
                    || !MessageDigest.isEqual(credentials.password().getBytes(StandardCharsets.UTF_8), expected)) {
                throw new NotAuthenticatedException("Incorrect username or password", basicAuth.challenge());
            }
            scopes.require(granted);
            return new UserPrincipal(credentials.username(), granted);
        });
    }

    /** The holder's authentication, described. */
    static Map<String, Object> held() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Map<String, Object> held = new LinkedHashMap<>();
        // Told by the thread's name: the sources compile for Java 17, which has no Thread.isVirtual().
        held.put("thread", Thread.currentThread().toString());
        if (authentication == null) {
            held.put("authentication", NONE);
            return held;
        }
        held.put("authentication", authentication.getClass().getSimpleName());
        held.put("name", authentication.getName());
        held.put("authenticated", authentication.isAuthenticated());
        held.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return held;
    }

    @RestController
    static class BridgeController {

        @GetMapping("/me")
        Map<String, Object> me(@SecurityParam("currentUser") UserPrincipal user) {
            Map<String, Object> answer = held();
            answer.put("parameter", user.username());
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            answer.put("samePrincipal", authentication != null && authentication.getPrincipal() == user);
            return answer;
        }

        @GetMapping("/write")
        Map<String, Object> write(@SecurityParam(value = "currentUser", scopes = "items:write") UserPrincipal user) {
            return held();
        }

        @GetMapping("/raw")
        Map<String, Object> raw(@SecurityParam("basicAuth") HttpBasicCredentials credentials) {
            return held();
        }

        @GetMapping("/maybe")
        Map<String, Object> maybe(@SecurityParam("apiKey") @Nullable String key) {
            return held();
        }

        @RequiresSecurity("currentUser")
        @GetMapping("/required")
        Map<String, Object> required() {
            return held();
        }

        @PublicEndpoint
        @GetMapping("/open")
        Map<String, Object> open() {
            return held();
        }

        @GetMapping("/denied")
        Map<String, Object> denied(@SecurityParam("currentUser") UserPrincipal user) {
            throw new AccessDeniedException("Access Denied");
        }

        @PublicEndpoint
        @GetMapping("/open/denied")
        Map<String, Object> openDenied() {
            throw new AccessDeniedException("Access Denied");
        }

        @GetMapping("/teapot")
        Map<String, Object> teapot(@SecurityParam("currentUser") UserPrincipal user) {
            throw new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT);
        }

        @GetMapping("/async")
        Callable<Map<String, Object>> async(@SecurityParam("currentUser") UserPrincipal user) {
            return () -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("callable", held().get("authentication"));
                answer.put("parameter", user.username());
                return answer;
            };
        }
    }

    /** Adds what the holder held while the body was written: on the async re-dispatch for a {@code Callable}. */
    @ControllerAdvice
    static class RenderedFor implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
                MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
                ServerHttpRequest request, ServerHttpResponse response) {
            if (!(body instanceof Map<?, ?> map)) {
                return body;
            }
            Map<Object, Object> answer = new LinkedHashMap<>(map);
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            answer.put("rendered", (authentication != null) ? authentication.getName() : NONE);
            return answer;
        }
    }
}
