package io.github.padlock.observation;

import io.github.padlock.SecurityOutcome;
import io.github.padlock.plan.ResolvedPlan;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a request's security was refused: its outcome (missing or invalid credentials, a missing scope,
 * ambiguous credentials) and the scheme and verifier that decided. Carries no credential and no user name.
 */
public final class SecurityFailureEvent extends ApplicationEvent {

    /** Why the request was refused. */
    private final SecurityOutcome outcome;

    /** The bean name of the scheme that decided, or {@code none}. */
    private final String scheme;

    /** The bean name of the verifier that refused, or {@code none}. */
    private final String verifier;

    SecurityFailureEvent(ResolvedPlan resolution, SecurityOutcome outcome) {
        super(resolution.plan());
        this.outcome = outcome;
        this.scheme = resolution.decidingScheme();
        this.verifier = resolution.decidingVerifier();
    }

    /**
     * @return why the request was refused
     */
    public SecurityOutcome getOutcome() {
        return this.outcome;
    }

    /**
     * @return the bean name of the scheme that decided, or {@code none} when every {@code anyOf} alternative failed
     */
    public String getScheme() {
        return this.scheme;
    }

    /**
     * @return the bean name of the verifier that refused, or {@code none} when a scheme did or every alternative failed
     */
    public String getVerifier() {
        return this.verifier;
    }
}
