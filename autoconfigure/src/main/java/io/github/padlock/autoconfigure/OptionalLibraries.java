package io.github.padlock.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;

/**
 * The libraries that are optional in {@code padlock-spring-boot-autoconfigure} (the starter brings all but JDBC): each part
 * they serve has its own auto-configuration, conditional on the class named here, and a configuration that asks for
 * such a part without its library fails the start-up naming the property and the dependency to add, never with a
 * {@link NoClassDefFoundError}.
 */
enum OptionalLibraries {

    /** nimbus-jose-jwt: JWT decoding and issuing ({@code padlock.jwt}, the token endpoint, {@code type: jwt}). */
    NIMBUS_JOSE_JWT("com.nimbusds.jwt.SignedJWT", "com.nimbusds:nimbus-jose-jwt", true),

    /** spring-security-crypto: password hashing ({@code padlock.users}, {@code type: users}, encoder hashes). */
    SPRING_SECURITY_CRYPTO("org.springframework.security.crypto.password.PasswordEncoder",
            "org.springframework.security:spring-security-crypto", true),

    /** Caffeine: the cache of verified JWTs ({@code padlock.jwt.cache}), left out without it unless configured. */
    CAFFEINE("com.github.benmanes.caffeine.cache.Caffeine", "com.github.ben-manes.caffeine:caffeine", true),

    /**
     * Spring Boot's JDBC support, with spring-jdbc's {@code JdbcClient}: the JDBC stores
     * ({@code padlock.jdbc.users.enabled}, {@code padlock.jdbc.api-keys.enabled}); the starter does not bring it, since
     * the application chooses its database.
     */
    SPRING_JDBC("org.springframework.boot.jdbc.DatabaseDriver", "org.springframework.boot:spring-boot-starter-jdbc",
            false),

    /**
     * Spring Data Redis, with Spring Boot's Redis support and Lettuce: the Redis stores of the brute-force limiter
     * ({@code padlock.brute-force.store: redis}) and of the token endpoint ({@code padlock.token-endpoint.store: redis});
     * the starter does not bring it, since the application chooses to share state.
     */
    SPRING_DATA_REDIS("org.springframework.data.redis.core.StringRedisTemplate",
            "org.springframework.boot:spring-boot-starter-data-redis", false);

    private final String className;

    private final String coordinates;

    private final boolean inStarter;

    OptionalLibraries(String className, String coordinates, boolean inStarter) {
        this.className = className;
        this.coordinates = coordinates;
        this.inStarter = inStarter;
    }

    /**
     * @param classLoader the application's class loader, {@code null} for the default one
     * @return whether the library is on its classpath
     */
    boolean isPresent(@Nullable ClassLoader classLoader) {
        return ClassUtils.isPresent(this.className, classLoader);
    }

    /**
     * @param classLoader the application's class loader, {@code null} for the default one
     * @param property the property that asks for the library
     * @param value the property's value as it may be shown, never a secret
     * @param what what needs the library, such as {@code JWT verification}
     * @throws InvalidConfigurationPropertyValueException naming the property and the dependency to add, when the
     * library is missing
     */
    void require(@Nullable ClassLoader classLoader, String property, @Nullable Object value, String what) {
        if (!isPresent(classLoader)) {
            throw new InvalidConfigurationPropertyValueException(property, value, missing(what));
        }
    }

    /**
     * @param what what needs the library
     * @return the reason to give when it is missing
     */
    String missing(String what) {
        String artifact = this.coordinates.substring(this.coordinates.indexOf(':') + 1);
        return what + " needs " + artifact + ", which is not on the classpath: add " + this.coordinates
                + " to the application" + (this.inStarter ? " (padlock-spring-boot-starter brings it)" : "");
    }
}
