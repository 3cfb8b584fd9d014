package io.github.padlock.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Padlock's defaults for Spring Boot's own properties, below every property source of the application (an explicit
 * setting always wins): multipart requests are resolved lazily ({@code spring.servlet.multipart.resolve-lazily}),
 * so that Spring's {@code DispatcherServlet} does not parse a multipart body, and write its file parts to disk, before
 * Padlock's gate has refused a request without credentials.
 */
final class PadlockEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source holding Padlock's defaults. */
    static final String PROPERTY_SOURCE_NAME = "padlockDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources()
                .addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
                        Map.of("spring.servlet.multipart.resolve-lazily", "true")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
