package io.github.padlock.observation;

import io.github.padlock.SecurityFailureEvent;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecuritySuccessEvent;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.ResolvedPlan;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes a {@link SecuritySuccessEvent} for each granted resolution and a {@link SecurityFailureEvent} for each
 * refusal; nothing for anonymous ones, nor for an exception that is no refusal.
 */
final class EventPublishingPlanResolver implements PlanResolver {

    private final ApplicationEventPublisher publisher;

    private final PlanResolver delegate;

    EventPublishingPlanResolver(ApplicationEventPublisher publisher, PlanResolver delegate) {
        this.publisher = publisher;
        this.delegate = delegate;
    }

    @Override
    public void resolve(ResolvedPlan resolution, Runnable decision) {
        try {
            this.delegate.resolve(resolution, decision);
        }
        catch (RuntimeException ex) {
            SecurityOutcome outcome = Outcomes.of(resolution, ex);
            if (outcome != null) {
                this.publisher.publishEvent(new SecurityFailureEvent(resolution.plan(), outcome,
                        resolution.decidingScheme(), resolution.decidingVerifier()));
            }
            throw ex;
        }
        Object principal = resolution.principal();
        if (resolution.outcome() == SecurityOutcome.GRANTED && principal != null) {
            this.publisher.publishEvent(new SecuritySuccessEvent(resolution.plan(), principal,
                    resolution.decidingScheme(), resolution.decidingVerifier()));
        }
    }
}
