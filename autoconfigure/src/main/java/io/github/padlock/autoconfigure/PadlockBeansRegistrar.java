package io.github.padlock.autoconfigure;

import java.util.Map;
import java.util.Objects;

import io.github.padlock.Verifier;
import io.github.padlock.autoconfigure.PadlockProperties.Scheme;
import io.github.padlock.autoconfigure.PadlockProperties.VerifierDefinition;
import io.github.padlock.autoconfigure.PadlockProperties.VerifierType;
import io.github.padlock.credentials.ApiKeyAuthenticator;
import io.github.padlock.credentials.ApiKeyPrincipal;
import io.github.padlock.credentials.UserAuthenticator;
import io.github.padlock.credentials.UserPrincipal;
import io.github.padlock.jwt.JwtDecoder;
import io.github.padlock.jwt.JwtPrincipal;
import io.github.padlock.jwt.JwtVerifiers;
import io.github.padlock.scheme.ApiKeyScheme;
import io.github.padlock.scheme.HttpBasic;
import io.github.padlock.scheme.HttpBearer;
import io.github.padlock.scheme.OAuth2BearerScheme;
import io.github.padlock.scheme.SecurityScheme;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Declares a bean for every {@code padlock.schemes.<bean-name>} and {@code padlock.verifiers.<bean-name>}, so that
 * they are injected with {@code @SecurityParam("<bean-name>")} exactly like beans declared in Java. Schemes are
 * built (and their options checked) while the bean definitions are read, so a bad option fails the start-up with the
 * property's name; so does a property whose optional library ({@link OptionalLibraries}) is missing. Nothing here
 * loads a class of nimbus-jose-jwt or spring-security-crypto: {@code jwt} verifiers are built in
 * {@link JwtVerifierFactory}, which the JVM loads only when one is created, after nimbus-jose-jwt was found.
 */
final class PadlockBeansRegistrar
        implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware, BeanClassLoaderAware {

    private @Nullable Environment environment;

    private @Nullable BeanFactory beanFactory;

    private @Nullable ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Environment environment = Objects.requireNonNull(this.environment);
        Binder binder = Binder.get(environment);
        requireLibraries(environment, binder);
        String defaultTokenUrl = defaultTokenUrl(binder);
        binder.bind("padlock.schemes", Bindable.mapOf(String.class, Scheme.class)).ifBound((schemes) -> {
            for (Map.Entry<String, Scheme> entry : schemes.entrySet()) {
                SecurityScheme<?> scheme = SchemeFactory.create(entry.getKey(), entry.getValue(), defaultTokenUrl);
                registerScheme(registry, entry.getKey(), scheme);
            }
        });
        binder.bind("padlock.verifiers", Bindable.mapOf(String.class, VerifierDefinition.class))
            .ifBound((verifiers) -> verifiers.forEach((name, definition) -> registerVerifier(registry, name,
                    definition)));
    }

    @SuppressWarnings("unchecked")
    private static <S extends SecurityScheme<?>> void registerScheme(BeanDefinitionRegistry registry, String name,
            S scheme) {
        RootBeanDefinition definition = new RootBeanDefinition((Class<S>) scheme.getClass(), () -> scheme);
        registry.registerBeanDefinition(name, definition);
    }

    private void registerVerifier(BeanDefinitionRegistry registry, String name, VerifierDefinition definition) {
        String prefix = "padlock.verifiers." + name;
        VerifierType type = definition.getType();
        if (type == null) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".type", null,
                    "Set the kind of verifier: users, api-keys or jwt");
        }
        String schemeName = definition.getScheme();
        if (schemeName == null || schemeName.isBlank()) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".scheme", schemeName,
                    "Name the scheme bean whose credentials the verifier checks");
        }
        Class<?> produced = switch (type) {
            case USERS -> {
                OptionalLibraries.SPRING_SECURITY_CRYPTO.require(this.classLoader, prefix + ".type", "users",
                        "A users verifier, which checks hashed passwords,");
                yield UserPrincipal.class;
            }
            case API_KEYS -> ApiKeyPrincipal.class;
            case JWT -> {
                OptionalLibraries.NIMBUS_JOSE_JWT.require(this.classLoader, prefix + ".type", "jwt",
                        "A jwt verifier");
                yield JwtPrincipal.class;
            }
        };
        RootBeanDefinition bean = new RootBeanDefinition(Verifier.class);
        bean.setTargetType(ResolvableType.forClassWithGenerics(Verifier.class, produced));
        bean.setInstanceSupplier(() -> createVerifier(prefix, type, schemeName));
        registry.registerBeanDefinition(name, bean);
    }

    private Verifier<?> createVerifier(String prefix, VerifierType type, String schemeName) {
        BeanFactory factory = this.beanFactory;
        if (factory == null || !factory.containsBean(schemeName)) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".scheme", schemeName,
                    "There is no bean by that name");
        }
        Object scheme = factory.getBean(schemeName);
        return switch (type) {
            case USERS -> {
                if (!(scheme instanceof HttpBasic basic)) {
                    throw wrongScheme(prefix, schemeName, scheme, "an http-basic scheme");
                }
                yield required(factory.getBeanProvider(UserAuthenticator.class), prefix,
                        "padlock.users, padlock.jdbc.users.enabled, or a UserStore bean").over(basic);
            }
            case API_KEYS -> {
                if (!(scheme instanceof ApiKeyScheme apiKey)) {
                    throw wrongScheme(prefix, schemeName, scheme, "an api-key-header, api-key-query or "
                            + "api-key-cookie scheme");
                }
                yield required(factory.getBeanProvider(ApiKeyAuthenticator.class), prefix,
                        "padlock.api-keys, padlock.jdbc.api-keys.enabled, or an ApiKeyStore bean").over(apiKey);
            }
            case JWT -> JwtVerifierFactory.create(factory, prefix, schemeName, scheme);
        };
    }

    /**
     * The properties that need an optional library fail the start-up, naming the property and the dependency to
     * add, when it is missing ({@code padlock.verifiers.*.type} is checked as each verifier is registered).
     */
    private void requireLibraries(Environment environment, Binder binder) {
        if (OnPadlockEntriesCondition.hasEntries(environment, "padlock.users")) {
            OptionalLibraries.SPRING_SECURITY_CRYPTO.require(this.classLoader, "padlock.users", "(hidden)",
                    "padlock.users, whose passwords are hashed,");
        }
        for (String store : new String[] { "users", "api-keys" }) {
            String property = "padlock.jdbc." + store + ".enabled";
            if (binder.bind(property, Boolean.class).orElse(false)) {
                OptionalLibraries.SPRING_JDBC.require(this.classLoader, property, true,
                        "A JDBC store, which reads the application's database,");
            }
        }
        if (OnPadlockEntriesCondition.hasEntries(environment, "padlock.jwt")) {
            OptionalLibraries.NIMBUS_JOSE_JWT.require(this.classLoader, "padlock.jwt", "(hidden)", "padlock.jwt");
        }
        if (binder.bind("padlock.token-endpoint.enabled", Boolean.class).orElse(false)) {
            OptionalLibraries.NIMBUS_JOSE_JWT.require(this.classLoader, "padlock.token-endpoint.enabled", true,
                    "The token endpoint, which issues JWTs,");
            OptionalLibraries.SPRING_SECURITY_CRYPTO.require(this.classLoader, "padlock.token-endpoint.enabled", true,
                    "The token endpoint, which checks hashed passwords,");
        }
    }

    private static <T> T required(ObjectProvider<T> provider, String prefix, String what) {
        T bean = provider.getIfAvailable();
        if (bean == null) {
            throw new InvalidConfigurationPropertyValueException(prefix + ".type", null,
                    "This verifier needs " + what);
        }
        return bean;
    }

    private static InvalidConfigurationPropertyValueException wrongScheme(String prefix, String schemeName,
            Object scheme, String expected) {
        return new InvalidConfigurationPropertyValueException(prefix + ".scheme", schemeName,
                "The bean is a " + scheme.getClass().getSimpleName() + "; this verifier needs " + expected);
    }

    /** The token endpoint's URL below the context path, when Padlock serves it. */
    private static @Nullable String defaultTokenUrl(Binder binder) {
        if (!binder.bind("padlock.token-endpoint.enabled", Boolean.class).orElse(false)) {
            return null;
        }
        String contextPath = binder.bind("server.servlet.context-path", String.class).orElse("");
        String path = binder.bind("padlock.token-endpoint.path", String.class).orElse("/token");
        return (contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath)
                + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Builds {@code jwt} verifiers. A class of its own, so that the registrar references nimbus-backed classes
     * ({@link JwtDecoder}, {@link JwtVerifiers}) only from here, and the JVM loads them only when a {@code jwt}
     * verifier is created, after {@link OptionalLibraries#NIMBUS_JOSE_JWT} was found.
     */
    private static final class JwtVerifierFactory {

        static Verifier<?> create(BeanFactory factory, String prefix, String schemeName, Object scheme) {
            JwtDecoder jwt = required(factory.getBeanProvider(JwtDecoder.class), prefix,
                    "padlock.jwt.secret, public-key or jwk-set-uri");
            if (scheme instanceof HttpBearer bearer) {
                return JwtVerifiers.overBearer(bearer, jwt);
            }
            if (scheme instanceof OAuth2BearerScheme bearerToken) {
                return JwtVerifiers.over(bearerToken, jwt);
            }
            throw wrongScheme(prefix, schemeName, scheme, "an http-bearer, oauth2-password-bearer or "
                    + "oauth2-authorization-code-bearer scheme");
        }
    }
}
