package io.github.padlock.plan;

import java.util.List;

import io.github.padlock.Verifier;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBasicCredentials;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Finding the bean a declaration names, with a plain bean factory: by name, by type, alternatives, and each refusal
 * naming the site and the candidates.
 */
class DependencyBeansTests {

    private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

    private final HttpBasic basicAuth = HttpBasic.builder().build();

    private final DependencyBeans beans;

    DependencyBeansTests() {
        this.beanFactory.registerSingleton("basicAuth", this.basicAuth);
        this.beanFactory.registerSingleton("plain", "not a dependency");
        this.beans = new DependencyBeans(this.beanFactory);
    }

    @Test
    void findWhenNameThenTheBean() {
        assertThat(this.beans.find(declaration("basicAuth", List.of(), HttpBasicCredentials.class)))
            .isSameAs(this.basicAuth);
    }

    @Test
    void findWhenTypeOnlyThenTheSingleBeanProducingIt() {
        assertThat(this.beans.find(declaration("", List.of(), HttpBasicCredentials.class))).isSameAs(this.basicAuth);
    }

    @Test
    void findWhenAnyOfThenAlternativesInOrder() {
        this.beanFactory.registerSingleton("other", HttpBasic.builder().schemeName("Other").build());
        assertThat(this.beans.find(declaration("", List.of("other", "basicAuth"), null)))
            .isInstanceOf(AnyOf.class)
            .hasToString("anyOf[other, basicAuth]");
    }

    @Test
    void findWhenUnknownNameThenRefusedNamingSiteAndCandidates() {
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.beans.find(declaration("missing", List.of(), null)))
            .withMessageContaining("the site names the bean 'missing', which does not exist")
            .withMessageContaining("basicAuth (produces " + HttpBasicCredentials.class.getName() + ")");
    }

    @Test
    void findWhenNotADependencyThenRefused() {
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.beans.find(declaration("plain", List.of(), null)))
            .withMessageContaining("which is not a SecurityDependency");
    }

    @Test
    void findWhenBeanProducesAnotherTypeThenRefused() {
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.beans.find(declaration("basicAuth", List.of(), String.class)))
            .withMessageContaining("produces " + HttpBasicCredentials.class.getName() + ", not java.lang.String");
    }

    @Test
    void findWhenTypeMatchesNoneOrSeveralThenRefused() {
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.beans.find(declaration("", List.of(), Integer.class)))
            .withMessageContaining("no security dependency beans produce java.lang.Integer");
        this.beanFactory.registerSingleton("user", Verifier.of(this.basicAuth, (credentials, scopes) -> "x"));
        this.beanFactory.registerSingleton("second", HttpBasic.builder().schemeName("Second").build());
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.beans.find(declaration("", List.of(), HttpBasicCredentials.class)))
            .withMessageContaining("2 security dependency beans produce");
    }

    @Test
    void findWhenNameAndAnyOfThenRefused() {
        assertThatExceptionOfType(SecurityConfigurationException.class)
            .isThrownBy(() -> this.beans.find(declaration("basicAuth", List.of("basicAuth"), null)))
            .withMessageContaining("names both a bean");
    }

    @Test
    void describeWhenBeanThenItsName() {
        assertThat(this.beans.describe(this.basicAuth)).isEqualTo("'basicAuth'");
    }

    @Test
    void nameOfWhenBeanThenItsNameElseTheClassName() {
        Verifier<String> inline = Verifier.of(this.basicAuth, (credentials, scopes) -> "user");
        assertThat(this.beans.nameOf(this.basicAuth)).isEqualTo("basicAuth");
        assertThat(this.beans.nameOf(inline)).isEqualTo(Verifier.class.getName());
    }

    @Test
    void producedClassWhenDeclaredWithGenericsThenTheirTypeElseTheSchemesCredentials() {
        RootBeanDefinition definition = new RootBeanDefinition(Verifier.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(Verifier.class, Integer.class));
        definition.setInstanceSupplier(() -> Verifier.of(this.basicAuth, (credentials, scopes) -> 1));
        this.beanFactory.registerBeanDefinition("counted", definition);
        this.beanFactory.registerSingleton("raw", Verifier.of(this.basicAuth, (credentials, scopes) -> "raw"));
        assertThat(this.beans.producedClass("counted")).isEqualTo(Integer.class);
        assertThat(this.beans.producedClass("basicAuth")).isEqualTo(HttpBasicCredentials.class);
        assertThat(this.beans.producedClass("raw")).isNull();
    }

    private static Declaration declaration(String name, List<String> anyOf, Class<?> wanted) {
        return new Declaration(() -> "the site", name, anyOf, List.of(), wanted, true, -1);
    }
}
