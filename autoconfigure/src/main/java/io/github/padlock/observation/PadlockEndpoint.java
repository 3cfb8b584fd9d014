package io.github.padlock.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.padlock.plan.SecurityPlans;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * {@code /actuator/padlock}: every handler of Spring MVC's request mappings (its HTTP methods, path patterns and
 * controller method) with what it requires — all-of and {@code anyOf}, scopes, required or optional, or nothing, on
 * purpose ({@code @PublicEndpoint}) or not — and the scheme and verifier beans with their types. Never a secret: see
 * {@link PlansDescriptor}. Like every Actuator endpoint but {@code health}, it is not exposed over HTTP unless the
 * application says so ({@code management.endpoints.web.exposure.include=padlock}).
 * <p>
 * Plans are fixed once the application has started, so the description is built at the first call and kept.
 */
@Endpoint(id = "padlock")
public final class PadlockEndpoint {

    private final ListableBeanFactory beanFactory;

    private final SecurityPlans plans;

    private volatile @Nullable PlansDescriptor descriptor;

    /**
     * @param beanFactory the factory holding the scheme and verifier beans and Spring MVC's handler mappings
     * @param plans the plans of the handlers
     */
    public PadlockEndpoint(ListableBeanFactory beanFactory, SecurityPlans plans) {
        this.beanFactory = beanFactory;
        this.plans = plans;
    }

    /**
     * @return the schemes, the verifiers and every handler with what it requires
     */
    @ReadOperation
    public PlansDescriptor plans() {
        PlansDescriptor described = this.descriptor;
        if (described == null) {
            described = PlansDescriber.describe(this.beanFactory, this.plans, handlers());
            this.descriptor = described;
        }
        return described;
    }

    private List<Map.Entry<RequestMappingInfo, HandlerMethod>> handlers() {
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> handlers = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : this.beanFactory
            .getBeansOfType(RequestMappingInfoHandlerMapping.class)
            .values()) {
            handlers.addAll(mapping.getHandlerMethods().entrySet());
        }
        return handlers;
    }
}
