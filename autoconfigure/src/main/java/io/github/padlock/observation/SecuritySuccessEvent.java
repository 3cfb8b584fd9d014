package io.github.padlock.observation;

import io.github.padlock.plan.ResolvedPlan;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a request's security was granted: some dependency of its handler's plan produced a value, the
 * principal. Not published for optional security that came without credentials.
 */
public final class SecuritySuccessEvent extends ApplicationEvent {

    private final transient Object principal;

    /** The bean name of the scheme that decided. */
    private final String scheme;

    /** The bean name of the verifier that decided, or {@code none}. */
    private final String verifier;

    SecuritySuccessEvent(ResolvedPlan resolution, Object principal) {
        super(resolution.plan());
        this.principal = principal;
        this.scheme = resolution.decidingScheme();
        this.verifier = resolution.decidingVerifier();
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
