package io.github.padlock.demo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
    SecureData secureData(@SecurityParam("verifiedApiKey") String keyId) {
        return new SecureData("sensitive data", keyId);
    }

    @GetMapping("/users/me/oauth")
    Me readUsersMeOAuth(@SecurityParam("currentActiveUser") UserPrincipal user) {
        return new Me(user.username(), user.scopes());
    }

    /** The seed's answer, its fields in this order on every JVM. */
    @JsonPropertyOrder({ "data", "key_id" })
    record SecureData(String data, @JsonProperty("key_id") String keyId) {
    }

    /** The user behind the token, its fields in this order on every JVM. */
    @JsonPropertyOrder({ "username", "scopes" })
    record Me(String username, List<String> scopes) {
    }
}
