package io.github.padlock.plan;

import java.util.List;
import java.util.stream.Collectors;

import io.github.padlock.SecurityDependency;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.web.method.HandlerMethod;

/**
 * Computes a handler's {@link SecurityPlan}: what it declares ({@link HandlerDeclarations}), the beans that names
 * ({@link DependencyBeans}), and the graph beneath them ({@link PlanGraph}); fails with
 * {@link SecurityConfigurationException} when a declaration cannot be satisfied. Runs at start-up only.
 */
final class SecurityPlanner {

    private final HandlerDeclarations declarations = new HandlerDeclarations();

    private final DependencyBeans beans;

    private final @Nullable DependencyStubs stubs;

    SecurityPlanner(ConfigurableListableBeanFactory beanFactory, @Nullable DependencyStubs stubs) {
        this.beans = new DependencyBeans(beanFactory);
        this.stubs = stubs;
    }

    SecurityPlan plan(HandlerMethod handlerMethod) {
        List<Declaration> declared = this.declarations.of(handlerMethod);
        boolean publicEndpoint = HandlerDeclarations.isPublic(handlerMethod);
        if (declared.isEmpty()) {
            return publicEndpoint ? SecurityPlan.PUBLIC : SecurityPlan.NONE;
        }
        if (publicEndpoint) {
            throw publicAndSecured(handlerMethod, declared);
        }
        PlanGraph graph = new PlanGraph(handlerMethod.getMethod().getParameterCount(), this.beans::describe,
                this.beans::nameOf);
        for (Declaration declaration : declared) {
            SecurityDependency<?> dependency = this.beans.find(declaration);
            int node = graph.addRoot(declaration.site(), dependency, declaration.scopes(), declaration.required());
            if (declaration.parameterIndex() >= 0) {
                graph.inject(declaration.parameterIndex(), node);
            }
        }
        return graph.build(handlerMethod.getBeanType(), handlerMethod.getMethod(), this.stubs);
    }

    private static SecurityConfigurationException publicAndSecured(HandlerMethod handlerMethod,
            List<Declaration> declared) {
        return new SecurityConfigurationException(HandlerDeclarations.describe(handlerMethod)
                + " is marked @PublicEndpoint but also requires security ("
                + declared.stream().map((declaration) -> declaration.site().get()).collect(Collectors.joining("; "))
                + "): it cannot be both open to anyone and secured.",
                "Remove @PublicEndpoint if the handler is secured, or its security declarations if it is public; "
                        + "a @PublicEndpoint on the controller class covers every handler of that class.");
    }

    /**
     * @return {@code dependency}'s bean name, or the class name of one that is no bean
     */
    String nameOf(SecurityDependency<?> dependency) {
        return this.beans.nameOf(dependency);
    }

    /**
     * @return the type the bean {@code beanName} produces, or {@code null} when it is not known
     */
    @Nullable Class<?> producedClass(String beanName) {
        return this.beans.producedClass(beanName);
    }

    /**
     * @return {@code dependency} by its bean name where it is a bean, for messages
     */
    String describe(SecurityDependency<?> dependency) {
        return this.beans.describe(dependency);
    }
}
