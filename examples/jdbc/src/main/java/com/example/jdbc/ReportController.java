package com.example.jdbc;

import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.jwt.JwtPrincipal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the keys and tokens are for: reports for API-key clients with the scope {@code reports:read} (a database read
 * per request, the key's row), and the caller's identity for bearers of a token from {@code POST /token} (no database:
 * the JWT is checked by its signature alone).
 */
@RestController
class ReportController {

    @GetMapping("/reports")
    Map<String, Object> reports(@SecurityParam(value = "client", scopes = "reports:read") ApiKeyPrincipal key) {
        return Map.of("key_id", key.id(), "reports", 3);
    }

    @GetMapping("/me")
    Map<String, Object> me(@SecurityParam("tokenUser") JwtPrincipal token) {
        return Map.of("subject", token.subject(), "scopes", token.scopes());
    }
}
