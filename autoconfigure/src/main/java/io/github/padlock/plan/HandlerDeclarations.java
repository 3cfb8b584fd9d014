package io.github.padlock.plan;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.padlock.PublicEndpoint;
import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Reads what a handler declares, in the order Padlock resolves it: {@link RequiresSecurity} on its controller class
 * (and the classes and interfaces it inherits from), then on its method, then its {@link SecurityParam} parameters in
 * declaration order. "Required" follows Spring's {@link MethodParameter#isOptional()}: {@code Optional} and a
 * {@code @Nullable} of any package are optional, everything else is required.
 */
final class HandlerDeclarations {

    /** Class-level requirements, looked up once per controller rather than once per handler method. */
    private final Map<Class<?>, List<RequiresSecurity>> classRequirements = new ConcurrentHashMap<>();

    List<Declaration> of(HandlerMethod handlerMethod) {
        List<Declaration> declarations = new ArrayList<>();
        Class<?> beanType = handlerMethod.getBeanType();
        for (RequiresSecurity requirement : this.classRequirements.computeIfAbsent(beanType,
                (type) -> List.copyOf(AnnotatedElementUtils.findMergedRepeatableAnnotations(type,
                        RequiresSecurity.class)))) {
            declarations.add(requirement(() -> "@RequiresSecurity on " + beanType.getName(), requirement));
        }
        for (RequiresSecurity requirement : AnnotatedElementUtils
            .findMergedRepeatableAnnotations(handlerMethod.getMethod(), RequiresSecurity.class)) {
            declarations.add(requirement(() -> "@RequiresSecurity on " + describe(handlerMethod), requirement));
        }
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            SecurityParam annotation = parameter.getParameterAnnotation(SecurityParam.class);
            if (annotation != null) {
                declarations.add(new Declaration(() -> describe(handlerMethod, parameter), annotation.value(),
                        List.of(annotation.anyOf()), List.of(annotation.scopes()),
                        ClassUtils.resolvePrimitiveIfNecessary(injectedType(parameter)), !parameter.isOptional(),
                        parameter.getParameterIndex()));
            }
        }
        return declarations;
    }

    /**
     * @return whether the handler's method or controller class (or what it inherits from) is marked
     * {@link PublicEndpoint}
     */
    static boolean isPublic(HandlerMethod handlerMethod) {
        return AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), PublicEndpoint.class);
    }

    private static Declaration requirement(Supplier<String> site, RequiresSecurity requirement) {
        return new Declaration(site, requirement.value(), List.of(requirement.anyOf()), List.of(requirement.scopes()),
                null, true, -1);
    }

    /** The parameter's type, without {@link Optional}. */
    private static Class<?> injectedType(MethodParameter parameter) {
        if (parameter.getParameterType() == Optional.class) {
            Class<?> element = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
            return (element != null) ? element : Object.class;
        }
        return parameter.getParameterType();
    }

    static String describe(HandlerMethod handlerMethod) {
        Method method = handlerMethod.getMethod();
        String signature = Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
        return handlerMethod.getBeanType().getName() + "." + method.getName() + "(" + signature + ")";
    }

    private static String describe(HandlerMethod handlerMethod, MethodParameter parameter) {
        Parameter reflected = handlerMethod.getMethod().getParameters()[parameter.getParameterIndex()];
        return "@SecurityParam on parameter '" + reflected.getName() + "' (" + reflected.getType().getSimpleName()
                + ") of " + describe(handlerMethod);
    }
}
