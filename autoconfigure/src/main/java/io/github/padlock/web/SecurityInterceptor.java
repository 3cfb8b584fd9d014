package io.github.padlock.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves every security node of the handler's plan before Spring binds any argument, so that a request without
 * valid credentials never reaches body parsing, validation or the handler. A refusal propagates as the
 * {@link io.github.padlock.PadlockException} the scheme or verifier threw.
 */
final class SecurityInterceptor implements HandlerInterceptor {

    private final SecurityPlans plans;

    SecurityInterceptor(SecurityPlans plans) {
        this.plans = plans;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod handlerMethod) {
            SecurityPlan plan = this.plans.planFor(handlerMethod);
            if (!plan.isEmpty()) {
                ResolvedSecurity.resolve(plan, request);
            }
        }
        return true;
    }
}
