package io.github.padlock.plan;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One security declaration of a handler: a {@code @RequiresSecurity} or a {@code @SecurityParam} parameter.
 *
 * @param site where it was declared, for start-up messages (built only when one is needed)
 * @param name the bean named, or empty
 * @param anyOf the alternatives named, or empty
 * @param scopes the scopes asked of the dependency
 * @param wanted the type the parameter receives (without {@code Optional}), or {@code null} for a requirement
 * @param required whether the dependency must produce a value: a {@code @RequiresSecurity}, or a parameter that is
 * neither {@code @Nullable} nor {@code Optional}
 * @param parameterIndex the parameter's index, or -1 for a requirement
 */
record Declaration(Supplier<String> site, String name, List<String> anyOf, List<String> scopes,
        @Nullable Class<?> wanted, boolean required, int parameterIndex) {
}
