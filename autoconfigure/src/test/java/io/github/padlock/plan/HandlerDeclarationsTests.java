package io.github.padlock.plan;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Optional;

import io.github.padlock.RequiresSecurity;
import io.github.padlock.SecurityParam;
import org.junit.jupiter.api.Test;

import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a handler declares, in resolution order, with the class-level requirements of the controller it belongs to and
 * Spring's notion of an optional parameter.
 */
class HandlerDeclarationsTests {

    private final HandlerDeclarations declarations = new HandlerDeclarations();

    @Test
    void ofWhenClassMethodAndParametersThenInThatOrder() throws Exception {
        List<Declaration> declared = this.declarations.of(handler(new Guarded(), "handle", String.class, String.class,
                int.class));
        assertThat(declared).extracting(Declaration::name).containsExactly("classLevel", "methodLevel", "first", "");
        assertThat(declared).extracting(Declaration::parameterIndex).containsExactly(-1, -1, 0, 1);
        assertThat(declared.get(3).anyOf()).containsExactly("a", "b");
        assertThat(declared.get(2).scopes()).containsExactly("read");
        assertThat(declared.get(0).site().get()).isEqualTo("@RequiresSecurity on " + Guarded.class.getName());
        assertThat(declared.get(2).site().get()).contains("parameter 'first'").contains(Guarded.class.getName());
    }

    @Test
    void ofWhenOptionalOrNullableOfAnyPackageThenNotRequired() throws Exception {
        List<Declaration> declared = this.declarations.of(handler(new Guarded(), "optional", Optional.class,
                String.class, String.class));
        assertThat(declared).extracting(Declaration::required).containsExactly(true, false, false, false);
        assertThat(declared.get(1).wanted()).isEqualTo(String.class);
    }

    @Test
    void ofWhenMethodInheritedThenTheClassLevelRequirementsOfTheControllerAsked() throws Exception {
        assertThat(this.declarations.of(handler(new Open(), "report")))
            .extracting(Declaration::name).containsExactly("baseMethod");
        assertThat(this.declarations.of(handler(new Guarded(), "report")))
            .extracting(Declaration::name).containsExactly("classLevel", "baseMethod");
    }

    private static HandlerMethod handler(Object bean, String name, Class<?>... parameterTypes) throws Exception {
        return new HandlerMethod(bean, findMethod(bean.getClass(), name, parameterTypes));
    }

    private static java.lang.reflect.Method findMethod(Class<?> type, String name, Class<?>... parameterTypes)
            throws NoSuchMethodException {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                return current.getDeclaredMethod(name, parameterTypes);
            }
            catch (NoSuchMethodException ex) {
                // look higher
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** Any annotation named {@code Nullable} counts, as in Spring. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Nullable {
    }

    abstract static class Base {

        @RequiresSecurity("baseMethod")
        String report() {
            return "report";
        }
    }

    static class Open extends Base {
    }

    @RequiresSecurity("classLevel")
    static class Guarded extends Base {

        @RequiresSecurity("methodLevel")
        String handle(@SecurityParam(value = "first", scopes = "read") String first,
                @SecurityParam(anyOf = { "a", "b" }) String second, int notSecurity) {
            return first + second + notSecurity;
        }

        @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
        String optional(@SecurityParam("a") Optional<String> optional, @SecurityParam("b") @Nullable String nullable,
                @SecurityParam("c") @org.jspecify.annotations.Nullable String typeUse) {
            return "x";
        }
    }
}
