package io.github.padlock.observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.padlock.ScopedDependency;
import io.github.padlock.SecurityDependency;
import io.github.padlock.observation.PlansDescriptor.AnyOfRequirement;
import io.github.padlock.observation.PlansDescriptor.DependencyRequirement;
import io.github.padlock.observation.PlansDescriptor.Edge;
import io.github.padlock.observation.PlansDescriptor.HandlerDescriptor;
import io.github.padlock.observation.PlansDescriptor.Requirement;
import io.github.padlock.observation.PlansDescriptor.SchemeDescriptor;
import io.github.padlock.observation.PlansDescriptor.VerifierDescriptor;
import io.github.padlock.plan.SecurityPlan;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.scheme.SecurityScheme;
import io.github.padlock.scheme.SecuritySchemeModel;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Builds the {@link PlansDescriptor} from the security dependency beans and the handlers' plans: the same plans the
 * interceptor resolves and the OpenAPI document describes, so the three cannot disagree. Reads names and models only,
 * never what a scheme or verifier holds (keys, hashes, secrets).
 */
final class PlansDescriber {

    private static final Comparator<HandlerDescriptor> ORDER = Comparator
        .comparing((HandlerDescriptor handler) -> String.join(" ", handler.patterns()))
        .thenComparing((handler) -> String.join(" ", handler.methods()))
        .thenComparing(HandlerDescriptor::handler);

    private PlansDescriber() {
    }

    /**
     * @param beanFactory where the scheme and verifier beans are
     * @param plans the plans of the handlers
     * @param handlers every handler, with its mapping
     * @return the description
     */
    static PlansDescriptor describe(ListableBeanFactory beanFactory, SecurityPlans plans,
            Iterable<? extends Map.Entry<RequestMappingInfo, HandlerMethod>> handlers) {
        Map<String, SchemeDescriptor> schemes = new LinkedHashMap<>();
        Map<String, VerifierDescriptor> verifiers = new LinkedHashMap<>();
        beanFactory.getBeansOfType(SecurityDependency.class).forEach((name, bean) -> {
            if (bean instanceof SecurityScheme<?> scheme) {
                schemes.put(name, scheme(scheme));
            }
            else {
                verifiers.put(name, verifier(plans, name, bean));
            }
        });
        List<HandlerDescriptor> described = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers) {
            described.add(handler(handler.getKey(), handler.getValue(), plans.planFor(handler.getValue())));
        }
        described.sort(ORDER);
        return new PlansDescriptor(schemes, verifiers, described);
    }

    private static SchemeDescriptor scheme(SecurityScheme<?> scheme) {
        return new SchemeDescriptor(scheme.getClass().getName(), scheme.schemeName(), scheme.autoError(),
                scheme.challenge(), openApi(scheme.model()));
    }

    private static VerifierDescriptor verifier(SecurityPlans plans, String name, SecurityDependency<?> dependency) {
        List<Edge> dependsOn = new ArrayList<>();
        for (ScopedDependency edge : dependency.dependencies()) {
            dependsOn.add(new Edge(plans.nameOf(edge.dependency()), edge.scopes()));
        }
        Class<?> produced = plans.producedType(name);
        return new VerifierDescriptor(dependency.getClass().getName(), (produced != null) ? produced.getName() : null,
                List.copyOf(dependsOn));
    }

    private static HandlerDescriptor handler(RequestMappingInfo mapping, HandlerMethod handlerMethod,
            SecurityPlan plan) {
        List<String> patterns = mapping.getPatternValues().stream().sorted().toList();
        List<String> methods = mapping.getMethodsCondition().getMethods().stream().map(Enum::name).sorted().toList();
        List<Requirement> allOf = new ArrayList<>();
        for (SecurityPlan.Root root : plan.describeRoots()) {
            allOf.add(root.anyOf() ? new AnyOfRequirement(root.dependencies(), root.scopes(), root.required())
                    : new DependencyRequirement(root.dependencies().get(0), root.scopes(), root.required()));
        }
        return new HandlerDescriptor(patterns, methods, SecurityPlans.describe(handlerMethod), security(plan),
                List.copyOf(allOf));
    }

    private static String security(SecurityPlan plan) {
        if (plan.isPublic()) {
            return PlansDescriptor.PUBLIC;
        }
        if (plan.isEmpty()) {
            return PlansDescriptor.NONE;
        }
        return plan.isOptional() ? PlansDescriptor.OPTIONAL : PlansDescriptor.REQUIRED;
    }

    /** The OpenAPI Security Scheme Object, as {@code components.securitySchemes} has it. */
    private static Map<String, Object> openApi(SecuritySchemeModel model) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (model instanceof SecuritySchemeModel.Http http) {
            object.put("type", "http");
            object.put("scheme", http.scheme());
            putIfPresent(object, "bearerFormat", http.bearerFormat());
        }
        else if (model instanceof SecuritySchemeModel.ApiKey apiKey) {
            object.put("type", "apiKey");
            object.put("name", apiKey.name());
            object.put("in", apiKey.in().value());
        }
        else if (model instanceof SecuritySchemeModel.OAuth2 oauth2) {
            object.put("type", "oauth2");
            object.put("flows", flows(oauth2.flows()));
        }
        else if (model instanceof SecuritySchemeModel.OpenIdConnect openIdConnect) {
            object.put("type", "openIdConnect");
            object.put("openIdConnectUrl", openIdConnect.openIdConnectUrl());
        }
        putIfPresent(object, "description", model.description());
        return object;
    }

    private static Map<String, Object> flows(SecuritySchemeModel.Flows flows) {
        Map<String, Object> object = new LinkedHashMap<>();
        putIfPresent(object, "implicit", flow(flows.implicit()));
        putIfPresent(object, "password", flow(flows.password()));
        putIfPresent(object, "clientCredentials", flow(flows.clientCredentials()));
        putIfPresent(object, "authorizationCode", flow(flows.authorizationCode()));
        return object;
    }

    private static @Nullable Map<String, Object> flow(
            SecuritySchemeModel.@Nullable Flow flow) {
        if (flow == null) {
            return null;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        putIfPresent(object, "authorizationUrl", flow.authorizationUrl());
        putIfPresent(object, "tokenUrl", flow.tokenUrl());
        putIfPresent(object, "refreshUrl", flow.refreshUrl());
        object.put("scopes", flow.scopes());
        return object;
    }

    private static void putIfPresent(Map<String, Object> object, String key,
            @Nullable Object value) {
        if (value != null) {
            object.put(key, value);
        }
    }
}
