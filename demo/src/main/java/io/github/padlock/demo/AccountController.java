package io.github.padlock.demo;

import java.util.Map;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityParam;
import io.github.padlock.oauth2.OAuth2PasswordRequestForm;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's other examples: data behind an API key, and the OAuth2 password flow's token endpoint and user.
 */
@RestController
class AccountController {

    private final DemoUsers users;

    private final DemoTokens tokens;

    AccountController(DemoUsers users, DemoTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/secure-data")
    Map<String, String> secureData(@SecurityParam("verifiedApiKey") String keyId) {
        return Map.of("data", "sensitive data", "key_id", keyId);
    }

    /**
     * The token endpoint Swagger UI's Authorize dialog posts to: a token granting the requested scopes the user may
     * have; 400 {@code invalid_grant} for wrong credentials (RFC 6749 §5.2).
     */
    @PostMapping("/token")
    Map<String, Object> login(OAuth2PasswordRequestForm form) {
        DemoUser user = this.users.authenticate(form.username(), form.password()).orElseThrow(() -> {
            PadlockException refused = new PadlockException(HttpStatus.BAD_REQUEST, "Incorrect username or password",
                    java.util.List.of());
            refused.getBody().setProperty("error", "invalid_grant");
            return refused;
        });
        return Map.of("access_token", this.tokens.issue(user, form.scopes()), "token_type", "bearer", "expires_in",
                DemoTokens.TIME_TO_LIVE.toSeconds());
    }

    @GetMapping("/users/me/oauth")
    Map<String, String> readUsersMeOAuth(@SecurityParam("currentActiveUser") DemoUser user) {
        return Map.of("username", user.username(), "email", user.email());
    }
}
