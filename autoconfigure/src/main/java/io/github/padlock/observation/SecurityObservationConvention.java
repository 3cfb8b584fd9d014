package io.github.padlock.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of the {@code padlock.security} observation: declare a bean of this type to replace
 * {@link DefaultSecurityObservationConvention}.
 */
public interface SecurityObservationConvention extends ObservationConvention<SecurityObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof SecurityObservationContext;
    }
}
