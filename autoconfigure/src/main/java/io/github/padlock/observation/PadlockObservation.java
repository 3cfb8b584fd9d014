package io.github.padlock.observation;

import io.github.padlock.plan.PlanResolver;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Observations and events as {@link PlanResolver}s, for the auto-configuration (or an application that wires Padlock
 * itself): each wraps another resolver, so that they compose.
 */
public final class PadlockObservation {

    private PadlockObservation() {
    }

    /**
     * @param registry where observations go
     * @param convention the names and key values, or {@code null} for {@link DefaultSecurityObservationConvention}
     * @param delegate the resolver wrapped
     * @return a resolver that wraps each resolution in a {@code padlock.security} observation
     */
    public static PlanResolver observed(ObservationRegistry registry,
            @Nullable SecurityObservationConvention convention, PlanResolver delegate) {
        return new ObservedPlanResolver(registry, convention, delegate);
    }

    /**
     * @param publisher where events go
     * @param delegate the resolver wrapped
     * @return a resolver that publishes a {@link io.github.padlock.SecuritySuccessEvent} or a
     * {@link io.github.padlock.SecurityFailureEvent} for each
     * resolution that grants or refuses
     */
    public static PlanResolver publishingEvents(ApplicationEventPublisher publisher, PlanResolver delegate) {
        return new EventPublishingPlanResolver(publisher, delegate);
    }
}
