package io.github.padlock.web;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.PadlockException;
import io.github.padlock.SecurityOutcome;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.ResolvedPlan;
import io.github.padlock.plan.SecurityPlan;
import io.github.padlock.plan.SecurityPlans;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves every security node of the handler's plan before Spring binds any argument, so that a request without
 * valid credentials never reaches body parsing, validation or the handler, and keeps the result in a request attribute
 * for the argument resolver. A refusal propagates as a {@link io.github.padlock.PadlockException} (see
 * {@link ResolvedPlan} for the fail-closed rules).
 * <p>
 * With an {@link AttemptLimiter}, a request's client (its remote address) that failed too often is refused with 429
 * before anything is resolved, and the outcome of every resolution is recorded for that client; async and error
 * dispatches of a request are neither checked nor recorded again. Without one, nothing of this runs.
 * <p>
 * The {@link PlanResolver} decides each resolution: {@link PlanResolver#DIRECT} unless observations or events wrap it.
 */
final class SecurityInterceptor implements HandlerInterceptor {

    /** The request attribute holding the {@link ResolvedPlan} of the request's handler. */
    static final String ATTRIBUTE = ResolvedPlan.ATTRIBUTE;

    private final SecurityPlans plans;

    private final @Nullable AttemptLimiter limiter;

    private final PlanResolver resolver;

    SecurityInterceptor(SecurityPlans plans, @Nullable AttemptLimiter limiter) {
        this(plans, limiter, PlanResolver.DIRECT);
    }

    SecurityInterceptor(SecurityPlans plans, @Nullable AttemptLimiter limiter, PlanResolver resolver) {
        this.plans = plans;
        this.limiter = limiter;
        this.resolver = resolver;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod handlerMethod) {
            SecurityPlan plan = this.plans.planFor(handlerMethod);
            if (!plan.isEmpty()) {
                if (this.limiter == null || request.getDispatcherType() != DispatcherType.REQUEST) {
                    resolve(plan, request, this.resolver);
                }
                else {
                    resolveLimited(plan, request, this.limiter, this.resolver);
                }
            }
        }
        return true;
    }

    /**
     * Resolve {@code plan} for {@code request} and keep the result in a request attribute; a request that already holds
     * the result for this plan (an async re-dispatch) is not resolved again.
     */
    static ResolvedPlan resolve(SecurityPlan plan, HttpServletRequest request, PlanResolver resolver) {
        if (request.getAttribute(ATTRIBUTE) instanceof ResolvedPlan existing && existing.plan() == plan) {
            return existing;
        }
        ResolvedPlan resolved = plan.prepare(new ServletSecurityRequest(request));
        resolver.resolve(resolved);
        request.setAttribute(ATTRIBUTE, resolved);
        return resolved;
    }

    /**
     * The limiter's check, the resolution and the limiter's count are one decision for the {@link PlanResolver}, so
     * that a 429 is observed as every other refusal.
     */
    private static void resolveLimited(SecurityPlan plan, HttpServletRequest request, AttemptLimiter limiter,
            PlanResolver resolver) {
        if (request.getAttribute(ATTRIBUTE) instanceof ResolvedPlan existing && existing.plan() == plan) {
            return;
        }
        String client = String.valueOf(request.getRemoteAddr());
        ResolvedPlan resolved = plan.prepare(new ServletSecurityRequest(request));
        resolver.resolve(resolved, () -> {
            limiter.check(client);
            try {
                resolved.decide();
            }
            catch (PadlockException ex) {
                // A 429 of the limiter's, when other requests of this client reached the limit meanwhile, wins.
                limiter.record(client, ex.outcome());
                throw ex;
            }
            SecurityOutcome outcome = resolved.outcome();
            limiter.record(client, (outcome != null) ? outcome : SecurityOutcome.GRANTED);
        });
        request.setAttribute(ATTRIBUTE, resolved);
    }
}
