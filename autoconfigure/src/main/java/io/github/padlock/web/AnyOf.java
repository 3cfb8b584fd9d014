package io.github.padlock.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.padlock.NotAuthenticatedException;
import io.github.padlock.PadlockException;
import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityResolution;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Alternatives ({@code anyOf}): the value of the first alternative that produces one, tried in order. When none
 * does and some refused, the refusal is a 401 carrying every refusing alternative's challenges — unless one refused
 * with something other than 401 (a 403 for missing scopes, say), which is then passed on as it is. When none
 * refused, nothing is produced.
 */
final class AnyOf implements SecurityDependency<Object> {

    private final List<ScopedDependency> alternatives;

    private final List<String> names;

    AnyOf(List<ScopedDependency> alternatives, List<String> names) {
        this.alternatives = List.copyOf(alternatives);
        this.names = List.copyOf(names);
    }

    @Override
    public @Nullable Object resolve(SecurityResolution resolution) {
        List<PadlockException> refusals = new ArrayList<>();
        for (ScopedDependency alternative : this.alternatives) {
            try {
                Object value = resolution.valueOf(alternative.dependency());
                if (value != null) {
                    return value;
                }
            }
            catch (PadlockException ex) {
                refusals.add(ex);
            }
        }
        if (refusals.isEmpty()) {
            return null;
        }
        Set<String> challenges = new LinkedHashSet<>();
        for (PadlockException refusal : refusals) {
            if (!HttpStatus.UNAUTHORIZED.isSameCodeAs(refusal.getStatusCode())) {
                throw refusal;
            }
            List<String> values = refusal.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE);
            if (values != null) {
                challenges.addAll(values);
            }
        }
        if (challenges.isEmpty()) {
            throw refusals.get(0);
        }
        throw new NotAuthenticatedException(NotAuthenticatedException.NOT_AUTHENTICATED, new ArrayList<>(challenges));
    }

    @Override
    public List<ScopedDependency> dependencies() {
        return this.alternatives;
    }

    @Override
    public String toString() {
        return "anyOf" + this.names;
    }
}
