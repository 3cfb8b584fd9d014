package io.github.padlock;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a request's security was granted — some dependency of its handler's plan produced a value, the
 * principal — or when the token endpoint issued a token, like Spring Security's {@code AuthenticationSuccessEvent}.
 * Not published for optional security that came without credentials. With Actuator's {@code AuditEventRepository}, it
 * is recorded as an {@code AUTHENTICATION_SUCCESS} audit event. Turned off by {@code padlock.events.enabled=false}.
 */
public final class SecuritySuccessEvent extends ApplicationEvent {

    /** What produced the grant; not serialized: it may be any type of the application's. */
    private final transient Object principal;

    /** The bean name of the scheme that read the credentials. */
    private final String scheme;

    /** The bean name of the verifier that produced the principal, or {@code none}. */
    private final String verifier;

    /**
     * @param source the handler's security plan, or the token endpoint
     * @param principal what produced the grant: a user, a key's principal, a JWT's principal, credentials
     * @param scheme the bean name of the scheme that read the credentials
     * @param verifier the bean name of the verifier that produced the principal, or {@code none} for a bare scheme
     */
    public SecuritySuccessEvent(Object source, Object principal, String scheme, String verifier) {
        super(source);
        this.principal = principal;
        this.scheme = scheme;
        this.verifier = verifier;
    }

    /**
     * @return what the first dependency that produced a value produced: a user, a key's principal, credentials
     */
    public Object getPrincipal() {
        return this.principal;
    }

    /**
     * @return the bean name of the scheme that read the credentials
     */
    public String getScheme() {
        return this.scheme;
    }

    /**
     * @return the bean name of the verifier that produced the principal, or {@code none} for a bare scheme
     */
    public String getVerifier() {
        return this.verifier;
    }
}
