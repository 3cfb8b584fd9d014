package io.github.padlock.plan;

/**
 * Decides a prepared {@link ResolvedPlan} for the web glue: {@link #DIRECT} calls {@link ResolvedPlan#decide()};
 * observations and events wrap it, reading {@link ResolvedPlan#outcome()}, {@link ResolvedPlan#decidingScheme()} and
 * {@link ResolvedPlan#decidingVerifier()} once it returned or threw.
 */
@FunctionalInterface
public interface PlanResolver {

    /** Decides the resolution and nothing else. */
    PlanResolver DIRECT = ResolvedPlan::decide;

    /**
     * Decide {@code resolution} (calling {@link ResolvedPlan#decide()} exactly once) and pass on its refusal.
     * @param resolution a resolution not yet decided
     * @throws RuntimeException the refusal {@link ResolvedPlan#decide()} threw
     */
    void resolve(ResolvedPlan resolution);
}
