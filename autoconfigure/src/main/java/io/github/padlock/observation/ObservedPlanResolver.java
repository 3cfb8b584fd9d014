package io.github.padlock.observation;

import io.github.padlock.SecurityOutcome;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.ResolvedPlan;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Wraps each resolution in a {@code padlock.security} observation, stopped once the resolution is decided. A refusal
 * is told by the {@code outcome} key only; an exception that is no refusal is also the observation's error. Per request it allocates the context and the observation, nothing else of its own.
 */
final class ObservedPlanResolver implements PlanResolver {

    private static final SecurityObservationConvention DEFAULT = new DefaultSecurityObservationConvention();

    private final ObservationRegistry registry;

    private final @Nullable SecurityObservationConvention convention;

    private final PlanResolver delegate;

    ObservedPlanResolver(ObservationRegistry registry, @Nullable SecurityObservationConvention convention,
            PlanResolver delegate) {
        this.registry = registry;
        this.convention = convention;
        this.delegate = delegate;
    }

    @Override
    public void resolve(ResolvedPlan resolution, Runnable decision) {
        SecurityObservationContext context = new SecurityObservationContext(resolution);
        Observation observation = Observation.createNotStarted(this.convention, DEFAULT, () -> context, this.registry)
            .start();
        try {
            this.delegate.resolve(resolution, decision);
            context.setOutcome(resolution.outcome());
        }
        catch (RuntimeException ex) {
            SecurityOutcome outcome = Outcomes.of(resolution, ex);
            context.setOutcome(outcome);
            if (outcome == null) {
                context.setFailed();
                // a bug, not a refusal: a refusal is told by the outcome key, and its message, which a verifier of
                // the application wrote, may name the user
                observation.error(ex);
            }
            throw ex;
        }
        finally {
            observation.stop();
        }
    }
}
