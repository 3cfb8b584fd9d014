package io.github.padlock.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Padlock's defaults for Spring Boot's own properties, below every property source of the application (an explicit
 * setting always wins):
 * <ul>
 * <li>multipart requests are resolved lazily ({@code spring.servlet.multipart.resolve-lazily}), so that Spring's
 * {@code DispatcherServlet} does not parse a multipart body, and write its file parts to disk, before Padlock's gate
 * has refused a request without credentials;</li>
 * <li>with a JDBC store enabled ({@code padlock.jdbc.users.enabled}, {@code padlock.jdbc.api-keys.enabled},
 * {@code padlock.token-endpoint.store: jdbc}), a request waits at most {@value #CONNECTION_TIMEOUT_MS} ms for a connection of a Hikari pool
 * ({@code spring.datasource.hikari.connection-timeout}, whose own default is 30 s) and is then answered 503: every
 * request needs the database, and while it is down, requests that each wait 30 s would take every server thread,
 * including those of requests that need no database. Its validation timeout, which Hikari wants below the connection
 * timeout, is lowered with it.</li>
 * <li>with a Redis store enabled ({@code padlock.brute-force.store: redis} with {@code padlock.brute-force.enabled},
 * or {@code padlock.token-endpoint.store: redis}), a Redis command waits at most {@value #REDIS_TIMEOUT_MS} ms
 * ({@code spring.data.redis.timeout}, whose own default is Lettuce's 60 s) and a connection attempt as long
 * ({@code spring.data.redis.connect-timeout}, Lettuce's own 10 s): while Redis does not answer, Lettuce keeps a
 * command until it reconnects or the timeout ends, and a request must not wait a minute for it. These are the
 * application's one Redis client's settings: a command of its own that needs longer (a large scan, a slow script) needs
 * its own setting.</li>
 * </ul>
 */
final class PadlockEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source holding Padlock's defaults. */
    static final String PROPERTY_SOURCE_NAME = "padlockDefaults";

    /** The pool's connection timeout with a JDBC store, in milliseconds (Hikari's unit). */
    static final long CONNECTION_TIMEOUT_MS = 2000;

    /** Redis's command and connect timeouts with a Padlock Redis store, in milliseconds. */
    static final long REDIS_TIMEOUT_MS = 500;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.servlet.multipart.resolve-lazily", "true");
        Binder binder = Binder.get(environment);
        if (binder.bind("padlock.jdbc.users.enabled", Boolean.class).orElse(false)
                || binder.bind("padlock.jdbc.api-keys.enabled", Boolean.class).orElse(false)
                || isStore(binder, "padlock.token-endpoint.store", "jdbc")) {
            defaults.put("spring.datasource.hikari.connection-timeout", Long.toString(CONNECTION_TIMEOUT_MS));
            defaults.put("spring.datasource.hikari.validation-timeout", Long.toString(CONNECTION_TIMEOUT_MS / 2));
        }
        if ((binder.bind("padlock.brute-force.enabled", Boolean.class).orElse(false)
                && isStore(binder, "padlock.brute-force.store", "redis"))
                || isStore(binder, "padlock.token-endpoint.store", "redis")) {
            defaults.put("spring.data.redis.timeout", REDIS_TIMEOUT_MS + "ms");
            defaults.put("spring.data.redis.connect-timeout", REDIS_TIMEOUT_MS + "ms");
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }

    /** Whether a store property says {@code value}, in any case, as Spring Boot binds an enum. */
    private static boolean isStore(Binder binder, String property, String value) {
        return binder.bind(property, String.class).map((store) -> value.equalsIgnoreCase(store.trim())).orElse(false);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
