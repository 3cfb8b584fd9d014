package io.github.padlock.web;

import java.util.Optional;

import io.github.padlock.SecurityParam;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands each {@link SecurityParam} parameter the value its node resolved to. The values normally come from the
 * {@link SecurityInterceptor}; where it did not run (a handler adapter invoked without it), the plan is resolved
 * here, so a handler is never called unprotected.
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
        if (request == null) {
            throw new IllegalStateException("@SecurityParam needs a servlet request");
        }
        SecurityPlan plan = (parameter.getMethod() != null) ? this.plans.planFor(parameter.getMethod()) : null;
        if (plan == null) {
            throw new IllegalStateException("No security plan for " + parameter.getExecutable()
                    + ": @SecurityParam works on handler methods of a RequestMappingHandlerMapping");
        }
        Object value = ResolvedSecurity.resolve(plan, request).valueForParameter(parameter.getParameterIndex());
        return (parameter.getParameterType() == Optional.class) ? Optional.ofNullable(value) : value;
    }
}
