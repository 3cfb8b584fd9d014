package com.example.configuration;

import java.util.List;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtPrincipal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The README's {@code application.yml} (Configure it), unchanged, with two handlers that use what it declares: the
 * {@code basicUser} verifier (HTTP Basic against {@code padlock.users}) and the {@code currentUser} verifier (a JWT from
 * the token endpoint).
 */
@SpringBootApplication
@RestController
public class ConfigurationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConfigurationApplication.class, args);
    }

    record Me(String username, List<String> scopes) {
    }

    @GetMapping("/users/me")
    Me basic(@SecurityParam("basicUser") UserPrincipal user) {
        return new Me(user.username(), user.scopes());
    }

    @GetMapping("/users/me/oauth")
    Me oauth(@SecurityParam(value = "currentUser", scopes = "items:read") JwtPrincipal principal) {
        return new Me(principal.subject(), principal.scopes());
    }
}
