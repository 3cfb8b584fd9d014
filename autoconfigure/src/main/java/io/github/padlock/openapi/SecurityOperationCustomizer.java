package io.github.padlock.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.padlock.scheme.SecurityScheme;
import io.github.padlock.web.SecurityPlan;
import io.github.padlock.web.SecurityPlans;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

import org.springframework.web.method.HandlerMethod;

/**
 * Writes the schemes an operation's plan uses into {@code components.securitySchemes} (keyed by
 * {@link SecurityScheme#schemeName()}) and one requirement object naming all of them into the operation's
 * {@code security}, with the scopes of every path to each scheme merged, de-duplicated and outermost first
 * (FastAPI §4.2). All schemes of a plan must pass at runtime, so they form one requirement (all-of) rather than
 * FastAPI's list of alternatives. An operation that a request without credentials reaches
 * ({@link SecurityPlan#isOptional()}: only schemes with {@code autoError} off, injected directly) also gets the empty
 * requirement {@code {}}, which marks its security as optional.
 */
public final class SecurityOperationCustomizer implements GlobalOperationComponentsCustomizer {

    private final SecurityPlans plans;

    /**
     * @param plans the plans of the application's handler methods
     */
    public SecurityOperationCustomizer(SecurityPlans plans) {
        this.plans = plans;
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        SecurityPlan plan = this.plans.planFor(handlerMethod);
        if (plan.schemes().isEmpty()) {
            return operation;
        }
        Map<String, Set<String>> scopesByName = new LinkedHashMap<>();
        for (SecurityPlan.SchemeUse use : plan.schemes()) {
            SecurityScheme<?> scheme = use.scheme();
            components.addSecuritySchemes(scheme.schemeName(), OpenApiSecuritySchemes.toOpenApi(scheme.model()));
            scopesByName.computeIfAbsent(scheme.schemeName(), (name) -> new LinkedHashSet<>())
                .addAll(use.scopes().scopes());
        }
        SecurityRequirement requirement = new SecurityRequirement();
        scopesByName.forEach((name, scopes) -> requirement.addList(name, new ArrayList<>(scopes)));
        operation.addSecurityItem(requirement);
        if (plan.isOptional()) {
            operation.addSecurityItem(new SecurityRequirement());
        }
        return operation;
    }

    /**
     * springdoc calls the three-argument variant; without the components there is nothing to document.
     */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        return operation;
    }
}
