package io.github.padlock.web;

import io.github.padlock.PadlockException;
import io.github.padlock.credentials.BruteForceLimiter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves every security node of the handler's plan before Spring binds any argument, so that a request without
 * valid credentials never reaches body parsing, validation or the handler. A refusal propagates as a
 * {@link io.github.padlock.PadlockException}: the one the scheme or verifier threw, or Padlock's copy of another
 * {@link org.springframework.web.ErrorResponse} (see {@link ResolvedSecurity} for the fail-closed rules).
 * <p>
 * With a {@link BruteForceLimiter}, a request's client (its remote address) that failed too often is refused with 429
 * before anything is resolved, and every 401 Padlock answers counts as a failure of that client; async and error
 * dispatches of a request are neither checked nor counted again. Without one, nothing of this runs.
 */
final class SecurityInterceptor implements HandlerInterceptor {

    private final SecurityPlans plans;

    private final @Nullable BruteForceLimiter limiter;

    SecurityInterceptor(SecurityPlans plans, @Nullable BruteForceLimiter limiter) {
        this.plans = plans;
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod handlerMethod) {
            SecurityPlan plan = this.plans.planFor(handlerMethod);
            if (!plan.isEmpty()) {
                if (this.limiter == null || request.getDispatcherType() != DispatcherType.REQUEST) {
                    ResolvedSecurity.resolve(plan, request);
                }
                else {
                    resolveLimited(plan, request, this.limiter);
                }
            }
        }
        return true;
    }

    private static void resolveLimited(SecurityPlan plan, HttpServletRequest request, BruteForceLimiter limiter) {
        String client = String.valueOf(request.getRemoteAddr());
        limiter.check(client);
        try {
            ResolvedSecurity.resolve(plan, request);
        }
        catch (PadlockException ex) {
            if (HttpStatus.UNAUTHORIZED.isSameCodeAs(ex.getStatusCode())) {
                limiter.failed(client);
            }
            throw ex;
        }
    }
}
