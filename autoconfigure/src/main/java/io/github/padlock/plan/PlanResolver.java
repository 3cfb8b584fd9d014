package io.github.padlock.plan;

/**
 * Runs the decision of a prepared {@link ResolvedPlan} for the web glue: {@link #DIRECT} runs it and nothing else;
 * observations and events wrap it, reading the refusal's {@link io.github.padlock.PadlockException#outcome()} or
 * {@link ResolvedPlan#outcome()}, {@link ResolvedPlan#decidingScheme()} and {@link ResolvedPlan#decidingVerifier()} once
 * it returned or threw. The decision is {@link ResolvedPlan#decide()}, or, with a brute-force limiter, the limiter's
 * check, {@code decide()} and the limiter's count, so that a 429 ({@link io.github.padlock.SecurityOutcome#LIMITED}) is
 * observed like every other refusal.
 */
@FunctionalInterface
public interface PlanResolver {

    /** Runs the decision and nothing else. */
    PlanResolver DIRECT = (resolution, decision) -> decision.run();

    /**
     * Run {@code decision} exactly once and pass on its refusal.
     * @param resolution the resolution the decision decides, not yet decided
     * @param decision what decides it: {@link ResolvedPlan#decide()}, possibly between a limiter's steps
     * @throws RuntimeException the refusal the decision threw
     */
    void resolve(ResolvedPlan resolution, Runnable decision);

    /**
     * Decide {@code resolution} by {@link ResolvedPlan#decide()} alone.
     * @param resolution a resolution not yet decided
     * @throws RuntimeException the refusal {@link ResolvedPlan#decide()} threw
     */
    default void resolve(ResolvedPlan resolution) {
        resolve(resolution, resolution::decide);
    }
}
