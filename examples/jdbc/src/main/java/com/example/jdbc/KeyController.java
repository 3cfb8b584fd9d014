package com.example.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.padlock.RequiresSecurity;
import io.github.padlock.credentials.ApiKeyDetails;
import io.github.padlock.credentials.ApiKeyLifecycle;
import io.github.padlock.credentials.CreatedApiKey;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API keys' lifecycle over HTTP, for operators (a user with the scope {@code keys:admin}, by HTTP Basic against
 * the users table): Padlock's {@link ApiKeyLifecycle} does the work; the new key's secret is in the answer to the
 * request that created it, and nowhere else.
 */
@RestController
@RequestMapping("/keys")
@RequiresSecurity(value = "operator", scopes = "keys:admin")
class KeyController {

    private final ApiKeyLifecycle keys;

    KeyController(ApiKeyLifecycle keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiKey create(@RequestBody NewKey request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");   // the only copy of the secret
        try {
            return this.keys.create(request.owner(), request.scopes(), request.expiresAt());
        }
        catch (IllegalArgumentException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
        }
    }

    /** A new key for the same owner and scopes; the old one works for {@code overlap} more (the configured one). */
    @PostMapping("/{id}/rotate")
    CreatedApiKey rotate(@PathVariable String id, @RequestParam(required = false) @Nullable Duration overlap,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            return ((overlap != null) ? this.keys.rotate(id, overlap) : this.keys.rotate(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No active key " + id));
        }
        catch (IllegalArgumentException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
        }
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        if (!this.keys.revoke(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No key " + id + " to revoke");
        }
    }

    @GetMapping("/{id}")
    ApiKeyDetails find(@PathVariable String id) {
        return this.keys.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No key " + id));
    }

    /** What an operator asks for: who the key is for, what it may do, and until when (never, when absent). */
    record NewKey(String owner, List<String> scopes, @Nullable Instant expiresAt) {
    }
}
