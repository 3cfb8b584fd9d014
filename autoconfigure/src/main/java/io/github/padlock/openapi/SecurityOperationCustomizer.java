package io.github.padlock.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.padlock.plan.SecurityPlan;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.scheme.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

import org.springframework.web.method.HandlerMethod;

/**
 * Writes the schemes an operation's plan uses into {@code components.securitySchemes} (keyed by
 * {@link SecurityScheme#schemeName()}) and its {@link SecurityPlan#requirements()} into the operation's
 * {@code security}: one requirement object per way to satisfy the handler, naming every scheme that must pass, with
 * the scopes of every path to each scheme merged, de-duplicated and outermost first (FastAPI §4.2). All schemes of a
 * requirement must pass at runtime, so they form one object (all-of) rather than FastAPI's list, which reads as
 * alternatives; {@code anyOf} alternatives are the separate objects. An operation that a request without credentials reaches
 * ({@link SecurityPlan#isOptional()}: only schemes with {@code autoError} off, injected directly) also gets the empty
 * requirement {@code {}}, which marks its security as optional. An operation marked
 * {@link io.github.padlock.PublicEndpoint} gets an empty {@code security: []}, OpenAPI's "no security here", unless
 * the application documented its security itself. A secured operation also documents Padlock's refusals
 * ({@link RefusalResponses}).
 */
final class SecurityOperationCustomizer implements GlobalOperationComponentsCustomizer {

    private final SecurityPlans plans;

    private final boolean limited;

    /**
     * @param plans the plans of the application's handler methods
     * @param limited whether a brute-force limiter may answer 429
     */
    SecurityOperationCustomizer(SecurityPlans plans, boolean limited) {
        this.plans = plans;
        this.limited = limited;
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        SecurityPlan plan = this.plans.planFor(handlerMethod);
        if (plan.isPublic()) {
            if (operation.getSecurity() == null) {
                operation.setSecurity(new ArrayList<>());
            }
            return operation;
        }
        Set<SecurityRequirement> requirements = new LinkedHashSet<>();
        for (List<SecurityPlan.SchemeUse> uses : plan.requirements()) {
            Map<String, Set<String>> scopesByName = new LinkedHashMap<>();
            for (SecurityPlan.SchemeUse use : uses) {
                SecurityScheme<?> scheme = use.scheme();
                components.addSecuritySchemes(scheme.schemeName(), OpenApiSecuritySchemes.toOpenApi(scheme.model()));
                scopesByName.computeIfAbsent(scheme.schemeName(), (name) -> new LinkedHashSet<>())
                    .addAll(use.scopes().scopes());
            }
            if (!scopesByName.isEmpty()) {
                SecurityRequirement requirement = new SecurityRequirement();
                scopesByName.forEach((name, scopes) -> requirement.addList(name, new ArrayList<>(scopes)));
                requirements.add(requirement);
            }
        }
        if (!requirements.isEmpty() && plan.isOptional()) {
            requirements.add(new SecurityRequirement());
        }
        requirements.forEach(operation::addSecurityItem);
        if (!plan.isEmpty()) {
            RefusalResponses.document(operation, components, plan, this.limited);
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
