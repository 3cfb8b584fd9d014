package io.github.padlock.observation;

import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.plan.ResolvedPlan;
import org.jspecify.annotations.Nullable;

/** What a decision that threw means. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * @return the refusal's outcome: the exception's when it is Padlock's (a limiter's 429 happens outside the plan),
     * else the resolution's; {@code null} for an exception that is no refusal
     */
    static @Nullable SecurityOutcome of(ResolvedPlan resolution, RuntimeException ex) {
        return (ex instanceof PadlockException refusal) ? refusal.outcome() : resolution.outcome();
    }
}
