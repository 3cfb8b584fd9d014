package io.github.padlock.test.notes;

import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.scheme.HttpBasicCredentials;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One endpoint per kind of credential, and one that asks a scope. */
@RestController
public class NotesController {

    @GetMapping("/notes/raw")
    Map<String, String> raw(@SecurityParam("basicAuth") HttpBasicCredentials credentials) {
        return Map.of("username", credentials.username());
    }

    @GetMapping("/notes")
    Map<String, String> notes(@SecurityParam(value = "noteUser", scopes = "notes:read") UserPrincipal user) {
        return Map.of("owner", user.username());
    }

    @GetMapping("/notes/admin")
    Map<String, String> admin(@SecurityParam(value = "noteUser", scopes = "notes:admin") UserPrincipal user) {
        return Map.of("admin", user.username());
    }

    @GetMapping("/notes/key")
    Map<String, String> key(@SecurityParam("keyOwner") String owner) {
        return Map.of("owner", owner);
    }

    @GetMapping("/notes/query-key")
    Map<String, String> queryKey(@SecurityParam("queryKeyOwner") String owner) {
        return Map.of("owner", owner);
    }

    @GetMapping("/notes/token")
    Map<String, Object> token(@SecurityParam(value = "jwtUser", scopes = "notes:read") JwtPrincipal principal) {
        return Map.of("subject", principal.subject(), "name", principal.claims().getOrDefault("name", ""));
    }
}
