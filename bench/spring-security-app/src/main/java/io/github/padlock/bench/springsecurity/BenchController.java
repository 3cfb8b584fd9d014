package io.github.padlock.bench.springsecurity;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The five bench endpoints; each answers the same small JSON in all three bench applications. */
@RestController
class BenchController {

    @GetMapping("/public")
    Map<String, String> publicData() {
        return Map.of("username", BenchSecurityConfiguration.USERNAME);
    }

    @GetMapping("/basic/me")
    Map<String, String> basic(Authentication authentication) {
        return Map.of("username", authentication.getName());
    }

    @GetMapping("/apikey/data")
    Map<String, String> apiKey(Authentication authentication) {
        return Map.of("username", authentication.getName());
    }

    @GetMapping("/bearer/me")
    Map<String, String> bearer(Authentication authentication) {
        return Map.of("username", authentication.getName());
    }

    @GetMapping("/jwt/me")
    Map<String, String> jwt(Authentication authentication) {
        return Map.of("username", authentication.getName());   // JwtAuthenticationToken: the sub claim
    }
}
