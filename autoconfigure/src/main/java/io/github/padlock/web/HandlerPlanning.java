package io.github.padlock.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.padlock.SecurityParam;
import io.github.padlock.plan.SecurityConfigurationException;
import io.github.padlock.plan.SecurityPlan;
import io.github.padlock.plan.SecurityPlans;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Plans every handler of every {@link RequestMappingInfoHandlerMapping} once all singletons exist, so that a
 * declaration that cannot be satisfied, or two schemes sharing an OpenAPI component key, fail the application's
 * start-up rather than a request.
 * <p>
 * It also refuses to start when a {@code @SecurityParam} parameter would be bound by something other than Padlock's
 * argument resolver (a {@link RequestMappingHandlerAdapter} configured without Padlock's {@code WebMvcConfigurer}):
 * Spring would bind it as a model attribute from the query string, so that {@code ?username=...&password=...} would
 * construct the credentials. And it refuses to start when a handler that Padlock guards is served by a handler mapping
 * without Padlock's interceptor: a handler with only {@code @RequiresSecurity} would then answer anyone.
 * <p>
 * Last, it audits the handlers open by accident ({@link UnprotectedHandlers}), as {@link UnprotectedAudit} says.
 */
final class HandlerPlanning implements SmartInitializingSingleton {

    private final ListableBeanFactory beanFactory;

    private final SecurityPlans plans;

    private final UnprotectedAudit audit;

    /**
     * @param beanFactory the factory holding the handler mappings
     * @param plans where the plans are kept
     * @param audit what to do with handlers open by accident
     */
    HandlerPlanning(ListableBeanFactory beanFactory, SecurityPlans plans, UnprotectedAudit audit) {
        this.beanFactory = beanFactory;
        this.plans = plans;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, RequestMappingHandlerAdapter> adapters = this.beanFactory
            .getBeansOfType(RequestMappingHandlerAdapter.class);
        UnprotectedHandlers unprotected = new UnprotectedHandlers(this.audit);
        for (RequestMappingInfoHandlerMapping mapping : this.beanFactory
            .getBeansOfType(RequestMappingInfoHandlerMapping.class)
            .values()) {
            boolean intercepted = hasSecurityInterceptor(mapping);
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handlerMethod = entry.getValue();
                adapters.forEach((name, adapter) -> checkResolvedByPadlock(handlerMethod, name, adapter));
                SecurityPlan plan = this.plans.planFor(handlerMethod);
                if (!plan.isEmpty() && !intercepted) {
                    throw notIntercepted(handlerMethod, mapping);
                }
                unprotected.check(entry.getKey(), handlerMethod, plan);
            }
        }
        this.plans.checkSchemeNames();
        unprotected.report();
    }

    /** Read once at start-up: Spring keeps a mapping's interceptors behind a protected getter. */
    private static boolean hasSecurityInterceptor(AbstractHandlerMapping mapping) {
        Method getter = Objects.requireNonNull(
                ReflectionUtils.findMethod(AbstractHandlerMapping.class, "getAdaptedInterceptors"));
        ReflectionUtils.makeAccessible(getter);
        if (!(ReflectionUtils.invokeMethod(getter, mapping) instanceof HandlerInterceptor[] interceptors)) {
            return false;
        }
        for (HandlerInterceptor interceptor : interceptors) {
            // Mapped to some paths only, it would leave the others open: only an unmapped registration counts.
            if (interceptor instanceof SecurityInterceptor || (interceptor instanceof MappedInterceptor mapped
                    && mapped.getInterceptor() instanceof SecurityInterceptor
                    && mapped.getIncludePathPatterns() == null && mapped.getExcludePathPatterns() == null)) {
                return true;
            }
        }
        return false;
    }

    private static SecurityConfigurationException notIntercepted(HandlerMethod handlerMethod,
            AbstractHandlerMapping mapping) {
        return new SecurityConfigurationException(SecurityPlans.describe(handlerMethod) + " requires security, but its "
                + "handler mapping (" + mapping.getClass().getName() + ") has no Padlock interceptor on all its paths: "
                + "its @RequiresSecurity would not be checked, and the handler would answer anyone.",
                "Let Padlock's WebMvcConfigurer (PadlockWeb.webMvcConfigurer) reach Spring MVC: do not replace the "
                        + "bean 'padlockWebMvcConfigurer' with one that leaves it out; register "
                        + "PadlockWeb's interceptor on a handler mapping of your own.");
    }

    private static void checkResolvedByPadlock(HandlerMethod handlerMethod, String adapterName,
            RequestMappingHandlerAdapter adapter) {
        List<HandlerMethodArgumentResolver> resolvers = adapter.getArgumentResolvers();
        if (resolvers == null) {
            return;
        }
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(SecurityParam.class)) {
                HandlerMethodArgumentResolver resolver = firstSupporting(resolvers, parameter);
                if (!(resolver instanceof SecurityParamArgumentResolver)) {
                    throw notBoundByPadlock(handlerMethod, parameter, resolver, adapterName);
                }
            }
        }
    }

    private static SecurityConfigurationException notBoundByPadlock(HandlerMethod handlerMethod,
            MethodParameter parameter, @Nullable HandlerMethodArgumentResolver resolver, String adapterName) {
        return new SecurityConfigurationException("@SecurityParam on parameter '" + parameter.getParameter().getName()
                + "' of " + SecurityPlans.describe(handlerMethod) + " would be bound by "
                + ((resolver != null) ? resolver.getClass().getName() : "nothing") + ", not by Padlock: the "
                + "RequestMappingHandlerAdapter '" + adapterName + "' has no Padlock argument resolver, so Spring "
                + "would bind the parameter from the request's parameters (the query string, say) and check "
                + "nothing.",
                "Let Padlock's WebMvcConfigurer (PadlockWeb.webMvcConfigurer) reach Spring MVC: do not replace the "
                        + "bean 'padlockWebMvcConfigurer' with one that leaves it out, nor declare a "
                        + "RequestMappingHandlerAdapter of your own without it.");
    }


    private static @Nullable HandlerMethodArgumentResolver firstSupporting(
            List<HandlerMethodArgumentResolver> resolvers, MethodParameter parameter) {
        for (HandlerMethodArgumentResolver resolver : resolvers) {
            if (resolver.supportsParameter(parameter)) {
                return resolver;
            }
        }
        return null;
    }
}
