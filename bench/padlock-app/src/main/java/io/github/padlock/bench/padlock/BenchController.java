package io.github.padlock.bench.padlock;

import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.jwt.JwtPrincipal;

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
    Map<String, String> basic(@SecurityParam("basicUser") String username) {
        return Map.of("username", username);
    }

    @GetMapping("/apikey/data")
    Map<String, String> apiKey(@SecurityParam("apiKeyUser") String username) {
        return Map.of("username", username);
    }

    @GetMapping("/bearer/me")
    Map<String, String> bearer(@SecurityParam("bearerUser") String username) {
        return Map.of("username", username);
    }

    @GetMapping("/jwt/me")
    Map<String, String> jwt(@SecurityParam("jwtUser") JwtPrincipal principal) {
        return Map.of("username", principal.subject());
    }
}
