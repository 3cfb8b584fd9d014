package io.github.padlock.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo's JWT secret when {@code PADLOCK_JWT_SECRET} is not set: 48 random bytes from {@link SecureRandom}, base64,
 * new at every start-up, in the property {@value #PROPERTY} that {@code application.yml}'s {@code padlock.jwt.secret}
 * falls back to. A secret written in the repository would let anyone who reads it sign tokens with any scope; a random
 * one costs only that tokens do not survive a restart. Says so at WARN, never printing the secret.
 */
final class GeneratedJwtSecret implements EnvironmentPostProcessor, Ordered {

    /** The property {@code padlock.jwt.secret} falls back to. */
    static final String PROPERTY = "demo.jwt.generated-secret";

    static final String PROPERTY_SOURCE_NAME = "demoGeneratedJwtSecret";

    static final String VARIABLE = "PADLOCK_JWT_SECRET";

    private static final int BYTES = 48;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Log logger;

    GeneratedJwtSecret(DeferredLogFactory logFactory) {
        this.logger = logFactory.getLog(GeneratedJwtSecret.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(VARIABLE)
                || environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getEncoder().encodeToString(bytes);
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(PROPERTY, secret)));
        if (!secret.equals(environment.getProperty("padlock.jwt.secret"))) {
            // padlock.jwt.secret is set some other way: the generated one would not be used.
            environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
            return;
        }
        this.logger.warn(VARIABLE + " is not set, so the demo signs and checks its tokens with a random secret "
                + "generated for this run (not shown): tokens from /token stop working when it restarts. To keep "
                + "them, set " + VARIABLE + " to a secret of your own, such as the output of openssl rand -base64 48.");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
