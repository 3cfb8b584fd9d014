package io.github.padlock.observation;

import io.github.padlock.SecurityOutcome;
import io.github.padlock.plan.ResolvedPlan;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of the {@code padlock.security} observation: one resolution of a handler's plan, and once it is decided,
 * its outcome and what decided it. Carries names of the application's beans only, never a credential or a principal.
 */
public final class SecurityObservationContext extends Observation.Context {

    private final ResolvedPlan resolution;

    private @Nullable SecurityOutcome outcome;

    private boolean failed;

    SecurityObservationContext(ResolvedPlan resolution) {
        this.resolution = resolution;
    }

    /**
     * @return the outcome once decided (also {@link SecurityOutcome#LIMITED}, a brute-force limiter's 429); {@code null}
     * before, and after an exception that is no refusal
     */
    public @Nullable SecurityOutcome getOutcome() {
        return this.outcome;
    }

    void setOutcome(@Nullable SecurityOutcome outcome) {
        this.outcome = outcome;
    }

    /**
     * @return whether the decision ended with an exception that is no refusal (a bug); {@code false} while it runs
     */
    public boolean isFailed() {
        return this.failed;
    }

    void setFailed() {
        this.failed = true;
    }

    /**
     * @return the bean name of the scheme that decided, or {@code none} (see {@link ResolvedPlan#decidingScheme()})
     */
    public String getScheme() {
        return this.resolution.decidingScheme();
    }

    /**
     * @return the bean name of the verifier that decided, or {@code none} (see {@link ResolvedPlan#decidingVerifier()})
     */
    public String getVerifier() {
        return this.resolution.decidingVerifier();
    }
}
