package io.github.padlock.plan;

import java.util.List;

import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityResolution;
import org.jspecify.annotations.Nullable;

/**
 * Alternatives ({@code anyOf}): the value of the first alternative that produces one, tried in order. When none does
 * and some refused with 401, the refusal is a 401 carrying every alternative's challenges — unless one refused with
 * something other than 401 (a 403 for missing scopes, say), which is then passed on as it is. When none refused,
 * nothing is produced. The plan's resolution ({@link ResolvedPlan}) carries this out, since only it knows the
 * challenges beneath each alternative; this object names the alternatives in the graph.
 */
final class AnyOf implements SecurityDependency<Object> {

    private final List<ScopedDependency> alternatives;

    private final List<String> names;

    AnyOf(List<ScopedDependency> alternatives, List<String> names) {
        this.alternatives = List.copyOf(alternatives);
        this.names = List.copyOf(names);
    }

    /**
     * Not called: {@link ResolvedPlan} resolves alternatives itself.
     */
    @Override
    public @Nullable Object resolve(SecurityResolution resolution) {
        throw new UnsupportedOperationException(this + " is resolved by its plan");
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
