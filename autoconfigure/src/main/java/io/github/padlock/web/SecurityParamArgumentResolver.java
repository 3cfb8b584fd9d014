package io.github.padlock.web;

import java.lang.reflect.Method;
import java.util.Optional;

import io.github.padlock.SecurityParam;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.ResolvedPlan;
import io.github.padlock.plan.SecurityPlan;
import io.github.padlock.plan.SecurityPlans;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands each {@link SecurityParam} parameter the value its node resolved to: what the {@link SecurityInterceptor}
 * resolved for this request's handler, never a plan looked up again. A handler mapping without Padlock's interceptor
 * fails the start-up ({@code HandlerPlanning}); should the interceptor still not have run (a mapping created after
 * start-up), the handler's plan is resolved here, so a handler with a {@code @SecurityParam} is never called
 * unprotected.
 */
final class SecurityParamArgumentResolver implements HandlerMethodArgumentResolver {

    private final SecurityPlans plans;

    SecurityParamArgumentResolver(SecurityPlans plans) {
        this.plans = plans;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(SecurityParam.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Method method = parameter.getMethod();
        if (request == null || method == null) {
            throw new IllegalStateException("@SecurityParam needs a servlet request and a handler method");
        }
        // A handler method's parameter names its controller type as the containing class.
        Class<?> beanType = parameter.getContainingClass();
        ResolvedPlan resolved = (request.getAttribute(SecurityInterceptor.ATTRIBUTE) instanceof ResolvedPlan existing
                && existing.plan().handles(beanType, method)) ? existing : null;
        if (resolved == null) {
            SecurityPlan plan = this.plans.find(beanType, method);
            if (plan == null) {
                throw new IllegalStateException("No security plan for " + beanType.getName() + "." + method.getName()
                        + ": @SecurityParam works on handler methods of a RequestMappingInfoHandlerMapping");
            }
            resolved = SecurityInterceptor.resolve(plan, request, PlanResolver.DIRECT);
        }
        Object value = resolved.valueForParameter(parameter.getParameterIndex());
        return (parameter.getParameterType() == Optional.class) ? Optional.ofNullable(value) : value;
    }
}
