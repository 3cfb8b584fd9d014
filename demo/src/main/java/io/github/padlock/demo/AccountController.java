package io.github.padlock.demo;

import java.util.List;
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

    AccountController(DemoUsers users) {
        this.users = users;
    }

    @GetMapping("/secure-data")
    Map<String, String> secureData(@SecurityParam("verifiedApiKey") String keyId) {
        return Map.of("data", "sensitive data", "key_id", keyId);
    }

    /** The token endpoint Swagger UI's Authorize dialog posts to; 400 {@code invalid_grant} for wrong credentials. */
    @PostMapping("/token")
    Map<String, String> login(OAuth2PasswordRequestForm form) {
        if (!this.users.check(form.username(), form.password())) {
            PadlockException refused = new PadlockException(HttpStatus.BAD_REQUEST, "Incorrect username or password",
                    List.of());
            refused.getBody().setProperty("error", "invalid_grant");
            throw refused;
        }
        return Map.of("access_token", SecurityConfiguration.DEMO_TOKEN, "token_type", "bearer");
    }

    @GetMapping("/users/me/oauth")
    Map<String, String> readUsersMeOAuth(@SecurityParam("currentOAuthUser") Map<String, String> currentUser) {
        return currentUser;
    }
}
