package io.github.padlock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a security dependency to succeed before a handler runs, without injecting its value: FastAPI's
 * {@code dependencies=[Security(...)]} on a router (here: a controller class) or a route (a handler method).
 * Method-level requirements add to class-level ones; both are resolved before the handler's {@link SecurityParam}
 * parameters, class-level first, each in declaration order. It may be used as a meta-annotation.
 *
 * <pre>{@code
 * @RequiresSecurity(value = "currentUser", scopes = "admin")
 * @RestController
 * class AdminController { ... }
 * }</pre>
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(RequiresSecurity.List.class)
public @interface RequiresSecurity {

    /**
     * Name of the {@link SecurityDependency} bean that must succeed; give either this or {@link #anyOf()}.
     * @return the bean name
     */
    String value() default "";

    /**
     * Names of alternative {@link SecurityDependency} beans, tried in order until one produces a value; when all
     * fail, 401 with every alternative's challenge. Documented as one OpenAPI requirement object per alternative.
     * @return the bean names
     */
    String[] anyOf() default {};

    /**
     * Scopes this requirement asks of the dependency and everything below it.
     * @return the scopes, outermost first
     */
    String[] scopes() default {};

    /**
     * Holds several {@link RequiresSecurity} on one element.
     */
    @Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @interface List {

        /**
         * @return the requirements, in declaration order
         */
        RequiresSecurity[] value();
    }
}
