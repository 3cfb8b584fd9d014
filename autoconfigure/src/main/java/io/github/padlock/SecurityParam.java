package io.github.padlock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the value of a security dependency (a scheme or a {@link Verifier} bean) into a controller parameter:
 * Padlock's counterpart of FastAPI's {@code Security(dependency, scopes=[...])}.
 * <p>
 * The dependency is resolved before any other argument of the handler is bound, so a request without valid
 * credentials never reaches body parsing or validation. The operation's OpenAPI {@code security} is derived from it.
 * <p>
 * The parameter may be {@code @Nullable} or an {@link java.util.Optional}: it then receives nothing when the
 * dependency produced nothing (a scheme with {@code autoError} off and no credentials in the request).
 *
 * <pre>{@code
 * @GetMapping("/users/me")
 * Map<String, String> me(@SecurityParam("currentUsername") String username) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SecurityParam {

    /**
     * Name of the {@link SecurityDependency} bean to inject. When empty (and {@link #anyOf()} too), the single bean
     * whose produced type is the parameter's type is used; none or several such beans fail the application's
     * start-up.
     * @return the bean name, or empty to select by type
     */
    String value() default "";

    /**
     * Names of alternative {@link SecurityDependency} beans, tried in order: the parameter receives the value of the
     * first that produces one (later ones are not tried). When every alternative fails, the answer is 401 with the
     * {@code WWW-Authenticate} challenges of all of them (or the first refusal that is not a 401, such as a 403).
     * When none fails but none produces a value (optional schemes without credentials), the parameter receives
     * nothing. Documented as one OpenAPI requirement object per alternative. Goes beyond FastAPI.
     * @return the bean names, in the order to try them
     */
    String[] anyOf() default {};

    /**
     * Scopes this use of the dependency requires, passed down to it and every dependency below it
     * (FastAPI's {@code Security(..., scopes=[...])}).
     * @return the scopes, outermost first
     */
    String[] scopes() default {};
}
