package io.github.padlock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method, or every handler of a controller class, as public on purpose: it answers anyone, and says
 * so. Its OpenAPI operations carry an empty {@code security: []} (OpenAPI's "no security here", which overrides a
 * document-wide requirement), and the start-up audit of {@code padlock.audit.unprotected} does not list it as open by
 * accident. It may be used as a meta-annotation.
 * <p>
 * A handler cannot be both public and secured: {@code @PublicEndpoint} together with a {@link RequiresSecurity} or a
 * {@link SecurityParam} on the same handler (its method, its parameters or its controller class) fails the start-up.
 *
 * <pre>{@code
 * @PublicEndpoint
 * @GetMapping("/items/")
 * List<Item> readItems() { ... }
 * }</pre>
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PublicEndpoint {

}
