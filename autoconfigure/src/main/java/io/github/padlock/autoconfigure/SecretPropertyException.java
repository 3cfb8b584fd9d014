package io.github.padlock.autoconfigure;

/**
 * A secret-bearing property (a password hash, an API-key hash, the JWT secret or private key) whose value cannot be
 * used. It names the property and why, never the value: unlike Spring Boot's
 * {@code InvalidConfigurationPropertyValueException}, whose failure analysis looks the value up in every property
 * source and prints it, with its origin.
 */
final class SecretPropertyException extends IllegalStateException {

    private final String property;

    private final String reason;

    /**
     * @param property the property, such as {@code padlock.users.bob.password}
     * @param reason why its value cannot be used; never a part of the value
     */
    SecretPropertyException(String property, String reason) {
        super("Invalid value for configuration property '" + property + "' (not shown: it is a secret): " + reason);
        this.property = property;
        this.reason = reason;
    }

    String property() {
        return this.property;
    }

    String reason() {
        return this.reason;
    }
}
