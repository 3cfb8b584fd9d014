package io.github.padlock.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.padlock.plan.SecurityConfigurationException;
import io.github.padlock.plan.SecurityPlan;
import io.github.padlock.plan.SecurityPlans;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Collects, while {@link HandlerPlanning} plans every handler, the ones open by accident (no requirement, not marked
 * {@code @PublicEndpoint}), and reports them as {@link UnprotectedAudit} says: one warning, or a start-up failure,
 * each handler on a line of its own with its mapping.
 */
final class UnprotectedHandlers {

    private static final Log logger = LogFactory.getLog(UnprotectedHandlers.class);

    /** Handlers of these packages are the libraries' own (Swagger UI, Actuator, the error controller). */
    private static final List<String> EXCLUDED_PACKAGES = List.of("org.springdoc.", "org.springframework.boot.");

    private final UnprotectedAudit audit;

    private final Set<String> found = new LinkedHashSet<>();

    UnprotectedHandlers(UnprotectedAudit audit) {
        this.audit = audit;
    }

    void check(RequestMappingInfo mapping, HandlerMethod handlerMethod, SecurityPlan plan) {
        if (this.audit == UnprotectedAudit.OFF || !plan.isEmpty() || plan.isPublic()
                || isExcluded(handlerMethod.getBeanType())) {
            return;
        }
        this.found.add(mapping + " " + SecurityPlans.describe(handlerMethod));
    }

    private static boolean isExcluded(Class<?> beanType) {
        String name = beanType.getName();
        return EXCLUDED_PACKAGES.stream().anyMatch(name::startsWith);
    }

    void report() {
        if (this.found.isEmpty()) {
            return;
        }
        String description = this.found.size() + " handler(s) have no Padlock requirement and are not marked "
                + "@PublicEndpoint, so they answer anyone:\n  " + String.join("\n  ", this.found);
        if (this.audit == UnprotectedAudit.FAIL) {
            throw new SecurityConfigurationException(description, "Secure each with @RequiresSecurity or a "
                    + "@SecurityParam, or mark it (or its controller class) @PublicEndpoint if it is public on "
                    + "purpose.");
        }
        logger.warn(description + "\nSecure each, or mark it @PublicEndpoint if it is public on purpose "
                + "(padlock.audit.unprotected: fail refuses to start, off stops this check).");
    }
}
