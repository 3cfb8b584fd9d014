package io.github.padlock.observation;

import java.util.Locale;

import io.github.padlock.SecurityOutcome;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Names the observation {@code padlock.security} with three low-cardinality keys: {@code outcome} (a
 * {@link SecurityOutcome} in lower case, {@code error} for an exception that is no refusal, {@code unknown} while
 * the decision runs, which Micrometer's long-task timer reads), {@code scheme} (the bean
 * name of the scheme that decided, {@code none} when none did) and {@code verifier} (the bean name of the verifier that
 * decided, {@code none} when a bare scheme or none did). No user name, token, key or key id ever becomes a key value.
 */
public final class DefaultSecurityObservationConvention implements SecurityObservationConvention {

    /** The observation's name. */
    public static final String NAME = "padlock.security";

    private static final KeyValue[] OUTCOMES = new KeyValue[SecurityOutcome.values().length];

    private static final KeyValue ERROR = KeyValue.of("outcome", "error");

    private static final KeyValue UNKNOWN = KeyValue.of("outcome", "unknown");

    static {
        for (SecurityOutcome outcome : SecurityOutcome.values()) {
            OUTCOMES[outcome.ordinal()] = KeyValue.of("outcome", outcome.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Creates the convention. */
    public DefaultSecurityObservationConvention() {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(SecurityObservationContext context) {
        return "padlock security";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(SecurityObservationContext context) {
        SecurityOutcome outcome = context.getOutcome();
        KeyValue decided = (outcome != null) ? OUTCOMES[outcome.ordinal()] : context.isFailed() ? ERROR : UNKNOWN;
        return KeyValues.of(decided,
                KeyValue.of("scheme", context.getScheme()), KeyValue.of("verifier", context.getVerifier()));
    }
}
