package io.github.padlock.autoconfigure;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.credentials.BruteForceLimiter;
import io.github.padlock.oauth2.OAuth2WebMvcConfigurer;
import io.github.padlock.plan.DependencyStubs;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.web.LazyFormContentFilter;
import io.github.padlock.web.PadlockExceptionHandler;
import io.github.padlock.web.PadlockWeb;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration for Padlock in a Spring MVC application: plans every handler's {@code @SecurityParam}
 * parameters at start-up, resolves them before argument binding, binds the OAuth2 password request form, and
 * renders refusals as problem+json; declares the schemes, verifiers, API keys and brute-force limiter of
 * {@code padlock.*}. Users ({@link PadlockUsersAutoConfiguration}, with spring-security-crypto), JWTs
 * ({@link PadlockJwtAutoConfiguration}, with nimbus-jose-jwt) and the limiter's Redis store
 * ({@link PadlockRedisBruteForceAutoConfiguration}, with Spring Data Redis) have their own auto-configurations, since
 * their libraries are optional. It runs before Spring Boot's MVC auto-configuration so that its lazy form filter replaces
 * Spring's eager one: the gate holds before any body is read.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, WebMvcConfigurer.class })
@EnableConfigurationProperties(PadlockProperties.class)
@Import({ PadlockBeansRegistrar.class, PadlockApiKeysConfiguration.class })
public final class PadlockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityPlans padlockSecurityPlans(ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<DependencyStubs> stubs) {
        // Only padlock-spring-boot-test's MockMvc auto-configuration declares stubs: say so loudly when any is present
        // (a component scan of io.github.padlock.test in an application that ships the kit would pick it up too).
        DependencyStubs present = stubs.getIfAvailable();
        if (present != null) {
            LogFactory.getLog(PadlockAutoConfiguration.class).warn("Test stubs are active ("
                    + present.getClass().getName() + "): MockMvc requests may replace schemes and verifiers. "
                    + "padlock-spring-boot-test belongs in the test scope only.");
        }
        return new SecurityPlans(beanFactory, present);
    }

    @Bean
    @ConditionalOnMissingBean(name = "padlockHandlerPlanning")
    SmartInitializingSingleton padlockHandlerPlanning(ConfigurableListableBeanFactory beanFactory,
            SecurityPlans plans, PadlockProperties properties) {
        return PadlockWeb.handlerPlanning(beanFactory, plans, properties.getAudit().getUnprotected());
    }

    @Bean
    @ConditionalOnMissingBean(name = "padlockWebMvcConfigurer")
    WebMvcConfigurer padlockWebMvcConfigurer(SecurityPlans plans, ObjectProvider<AttemptLimiter> limiter,
            ObjectProvider<PlanResolver> resolver) {
        return PadlockWeb.webMvcConfigurer(plans, limiter.getIfAvailable(),
                resolver.getIfAvailable(() -> PlanResolver.DIRECT));
    }

    @Bean
    @ConditionalOnProperty("padlock.brute-force.enabled")
    @ConditionalOnMissingBean(AttemptLimiter.class)
    BruteForceLimiter padlockBruteForceLimiter(PadlockProperties properties, ResourceLoader resourceLoader) {
        PadlockProperties.BruteForce bruteForce = properties.getBruteForce();
        checkBruteForce(bruteForce);
        if (bruteForce.getStore() == PadlockProperties.BruteForceStore.REDIS) {
            // PadlockRedisBruteForceAutoConfiguration, which runs before, declares the Redis limiter when it applies:
            // here it did not, for want of Spring Data Redis, or because the context leaves it out (a test slice
            // such as @WebMvcTest, which has no Redis either), where the limiter counts in memory.
            OptionalLibraries.SPRING_DATA_REDIS.require(resourceLoader.getClassLoader(),
                    PadlockRedisBruteForceAutoConfiguration.STORE, "redis", "The brute-force limiter's Redis store");
            LogFactory.getLog(PadlockAutoConfiguration.class).info("padlock.brute-force.store is redis, but this "
                    + "context leaves Padlock's Redis auto-configuration out: the brute-force limiter counts in memory");
        }
        return new BruteForceLimiter(bruteForce.getMaxFailures(), bruteForce.getWindow());
    }

    /**
     * The limiter's own rules for {@code padlock.brute-force.*}, whichever its store; this only names the property
     * that broke one.
     */
    static void checkBruteForce(PadlockProperties.BruteForce bruteForce) {
        try {
            BruteForceLimiter.checkMaxFailures(bruteForce.getMaxFailures());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException("padlock.brute-force.max-failures",
                    bruteForce.getMaxFailures(), ex.getMessage());
        }
        try {
            BruteForceLimiter.checkWindow(bruteForce.getWindow());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationPropertyValueException("padlock.brute-force.window", bruteForce.getWindow(),
                    ex.getMessage());
        }
    }

    @Bean
    @ConditionalOnMissingBean
    OAuth2WebMvcConfigurer padlockOAuth2WebMvcConfigurer() {
        return new OAuth2WebMvcConfigurer();
    }

    @Bean
    @ConditionalOnMissingBean(FormContentFilter.class)
    @ConditionalOnBooleanProperty(name = "spring.mvc.formcontent.filter.enabled", matchIfMissing = true)
    LazyFormContentFilter padlockFormContentFilter() {
        return new LazyFormContentFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    PadlockExceptionHandler padlockExceptionHandler(PadlockProperties properties) {
        return new PadlockExceptionHandler(properties.getError().isIncludeScope());
    }
}
