package com.example.springsecurity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class ApiController {

    private final ItemService items;

    ApiController(ItemService items) {
        this.items = items;
    }

    @RequiresSecurity("basicUser")                   // Padlock checks the credentials ...
    @GetMapping("/me")                               // ... and Spring Security sees the principal
    Map<String, Object> me(@AuthenticationPrincipal UserPrincipal user, Authentication authentication) {
        return Map.of("username", user.username(), "authorities",
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }

    @RequiresSecurity(anyOf = { "basicUser", "tokenUser" })
    @PostMapping("/items")
    Item create(@RequestBody NewItem item) {
        return this.items.create(item.name());       // @PreAuthorize("hasAuthority('SCOPE_items:write')")
    }

    @RequiresSecurity(anyOf = { "basicUser", "tokenUser" })
    @GetMapping("/items")
    List<Item> list() {
        return this.items.list();                    // @PreAuthorize("hasAuthority('SCOPE_items:read')")
    }

    @GetMapping("/whoami")
    Map<String, String> whoami(@SecurityParam("tokenUser") JwtPrincipal token) {
        return Map.of("subject", token.subject(), "authentication", currentName());
    }

    /** The Callable runs on another thread; Spring Security's web integration carries the context there. */
    @GetMapping("/whoami/async")
    Callable<Map<String, String>> whoamiAsync(@SecurityParam("tokenUser") JwtPrincipal token) {
        return () -> Map.of("subject", token.subject(), "authentication", currentName());
    }

    /** Public: what Spring Security's context holds in a handler Padlock does not guard. */
    @PublicEndpoint
    @GetMapping("/public/context")
    Map<String, String> context() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Map.of("type", (authentication != null) ? authentication.getClass().getSimpleName() : "none",
                "authentication", currentName());
    }

    private static String currentName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return (authentication != null) ? authentication.getName() : "none";
    }
}
