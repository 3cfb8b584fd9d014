package io.github.padlock.web;

import io.github.padlock.plan.SecurityPlans;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Plans every handler of every {@link RequestMappingInfoHandlerMapping} once all singletons exist, so that a
 * declaration that cannot be satisfied, or two schemes sharing an OpenAPI component key, fail the application's
 * start-up rather than a request.
 */
final class HandlerPlanning implements SmartInitializingSingleton {

    private final ListableBeanFactory beanFactory;

    private final SecurityPlans plans;

    /**
     * @param beanFactory the factory holding the handler mappings
     * @param plans where the plans are kept
     */
    HandlerPlanning(ListableBeanFactory beanFactory, SecurityPlans plans) {
        this.beanFactory = beanFactory;
        this.plans = plans;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (RequestMappingInfoHandlerMapping mapping : this.beanFactory
            .getBeansOfType(RequestMappingInfoHandlerMapping.class)
            .values()) {
            mapping.getHandlerMethods().values().forEach(this.plans::planFor);
        }
        this.plans.checkSchemeNames();
    }
}
