package io.github.padlock.observation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What {@code /actuator/padlock} answers: the application's schemes and verifiers, and every handler with what it
 * requires. Names only — bean names, class names, scopes, the names of the headers, query parameters and cookies that
 * carry credentials, the OpenAPI description of each scheme — never a key, a password, a hash, a JWT secret or a user.
 *
 * @param schemes the scheme beans, by bean name
 * @param verifiers the other security dependency beans (verifiers), by bean name
 * @param handlers every handler of Spring MVC's request mappings, sorted by path pattern, then HTTP methods
 */
public record PlansDescriptor(Map<String, SchemeDescriptor> schemes, Map<String, VerifierDescriptor> verifiers,
        List<HandlerDescriptor> handlers)
        implements OperationResponseBody {

    /** {@link HandlerDescriptor#security()} of a handler that a request without credentials does not reach. */
    public static final String REQUIRED = "required";

    /**
     * {@link HandlerDescriptor#security()} of a handler that a request without credentials reaches: only schemes with
     * {@code autoError} off, asked for no scopes, injected into {@code @Nullable} or {@code Optional} parameters.
     */
    public static final String OPTIONAL = "optional";

    /** {@link HandlerDescriptor#security()} of a handler without any requirement, not marked {@code @PublicEndpoint}. */
    public static final String NONE = "none";

    /** {@link HandlerDescriptor#security()} of a handler marked {@code @PublicEndpoint}: open to anyone, on purpose. */
    public static final String PUBLIC = "public";

    /**
     * Copies the maps, sorted by bean name, and the list.
     *
     * @param schemes the scheme beans, by bean name
     * @param verifiers the other security dependency beans, by bean name
     * @param handlers every handler
     */
    public PlansDescriptor {
        schemes = Collections.unmodifiableMap(new TreeMap<>(schemes));
        verifiers = Collections.unmodifiableMap(new TreeMap<>(verifiers));
        handlers = List.copyOf(handlers);
    }

    /**
     * A scheme bean.
     *
     * @param type its class
     * @param schemeName its key in the OpenAPI {@code components.securitySchemes}
     * @param autoError whether missing credentials are refused (401) rather than produced as nothing
     * @param challenge the {@code WWW-Authenticate} challenge it answers missing credentials with
     * @param openApi its OpenAPI Security Scheme Object, as the OpenAPI document has it
     */
    public record SchemeDescriptor(String type, String schemeName, boolean autoError, String challenge,
            Map<String, Object> openApi) {
    }

    /**
     * A security dependency bean that is no scheme: a {@link io.github.padlock.Verifier} or an application's own
     * {@link io.github.padlock.SecurityDependency}.
     *
     * @param type its class
     * @param produces the class of the value it produces, or {@code null} when its declaration does not tell
     * @param dependsOn the dependencies it reads, in order, each with the scopes it asks of it
     */
    public record VerifierDescriptor(String type, @Nullable String produces, List<Edge> dependsOn) {
    }

    /**
     * A dependency a verifier reads.
     *
     * @param dependency its bean name, or the class name of one that is no bean
     * @param scopes the scopes the verifier asks of it, in declaration order
     */
    public record Edge(String dependency, List<String> scopes) {
    }

    /**
     * A handler: a controller method as one request mapping maps it.
     *
     * @param patterns its path patterns, sorted
     * @param methods its HTTP methods, sorted; empty when it maps every method
     * @param handler the controller type and method, as Padlock's start-up messages name it
     * @param security {@value PlansDescriptor#REQUIRED}, {@value PlansDescriptor#OPTIONAL},
     * {@value PlansDescriptor#NONE} or {@value PlansDescriptor#PUBLIC}
     * @param allOf what it requires, in the order Padlock resolves it: all of them must pass; empty when
     * {@code security} is {@code none} or {@code public}
     */
    public record HandlerDescriptor(List<String> patterns, List<String> methods, String handler, String security,
            List<Requirement> allOf) {
    }

    /**
     * One requirement of a handler: a {@link DependencyRequirement} or an {@link AnyOfRequirement}.
     */
    public sealed interface Requirement permits DependencyRequirement, AnyOfRequirement {

        /**
         * @return the scopes asked, in declaration order
         */
        List<String> scopes();

        /**
         * @return whether it must produce a value ({@code @RequiresSecurity}, or a parameter that is neither
         * {@code @Nullable} nor {@code Optional}); one that need not may still refuse a wrong credential
         */
        boolean required();
    }

    /**
     * A requirement naming one scheme or verifier.
     *
     * @param dependency its bean name
     * @param scopes the scopes asked of it
     * @param required whether it must produce a value
     */
    public record DependencyRequirement(String dependency, List<String> scopes, boolean required)
            implements Requirement {
    }

    /**
     * A requirement naming alternatives, the first that produces a value passing.
     *
     * @param anyOf the alternatives' bean names, in the order they are tried
     * @param scopes the scopes asked of each
     * @param required whether one of them must produce a value
     */
    public record AnyOfRequirement(List<String> anyOf, List<String> scopes, boolean required) implements Requirement {
    }
}
