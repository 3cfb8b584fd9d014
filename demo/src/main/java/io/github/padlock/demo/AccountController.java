package io.github.padlock.demo;

import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's other examples: data behind an API key, and the user behind an OAuth2 token from {@code POST /token}
 * (Padlock's built-in token endpoint).
 */
@RestController
class AccountController {

    @GetMapping("/secure-data")
    Map<String, String> secureData(@SecurityParam("verifiedApiKey") String keyId) {
        return Map.of("data", "sensitive data", "key_id", keyId);
    }

    @GetMapping("/users/me/oauth")
    Map<String, Object> readUsersMeOAuth(@SecurityParam("currentActiveUser") UserPrincipal user) {
        return Map.of("username", user.username(), "scopes", user.scopes());
    }
}
