package io.github.padlock;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a request's security was refused — missing or invalid credentials, a missing scope, ambiguous
 * credentials, a brute-force limiter's 429 — or when the token endpoint refused a grant ({@code invalid_grant},
 * {@code invalid_scope}, {@code slow_down}), like Spring Security's {@code AbstractAuthenticationFailureEvent}. Carries
 * no credential and no user name: the user name a client sent may be a password typed in the wrong field. With
 * Actuator's {@code AuditEventRepository}, it is recorded as an {@code AUTHENTICATION_FAILURE} audit event. Turned off
 * by {@code padlock.events.enabled=false}.
 */
public final class SecurityFailureEvent extends ApplicationEvent {

    /** Why the request was refused. */
    private final SecurityOutcome outcome;

    /** The bean name of the scheme that decided, or {@code none}. */
    private final String scheme;

    /** The bean name of the verifier that decided, or {@code none}. */
    private final String verifier;

    /**
     * @param source the handler's security plan, or the token endpoint
     * @param outcome why the request was refused
     * @param scheme the bean name of the scheme that decided, or {@code none}
     * @param verifier the bean name of the verifier that refused, or {@code none}
     */
    public SecurityFailureEvent(Object source, SecurityOutcome outcome, String scheme, String verifier) {
        super(source);
        this.outcome = outcome;
        this.scheme = scheme;
        this.verifier = verifier;
    }

    /**
     * @return why the request was refused
     */
    public SecurityOutcome getOutcome() {
        return this.outcome;
    }

    /**
     * @return the bean name of the scheme that decided, or {@code none} when every {@code anyOf} alternative failed or
     * a limiter refused before any credential was read
     */
    public String getScheme() {
        return this.scheme;
    }

    /**
     * @return the bean name of the verifier that refused, or {@code none} when a scheme did, every alternative failed
     * or a limiter refused
     */
    public String getVerifier() {
        return this.verifier;
    }
}
