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

    private final String action;

    /**
     * @param property the property, such as {@code padlock.users.bob.password}
     * @param reason why its value cannot be used; never a part of the value
     */
    SecretPropertyException(String property, String reason) {
        this(property, reason, "Update the value of '" + property + "' in your application's configuration.");
    }

    /**
     * @param property the property, such as {@code padlock.users.bob.password}
     * @param reason why its value cannot be used; never a part of the value
     * @param action what to do, when it is not to change the value (to add a library, say)
     */
    SecretPropertyException(String property, String reason, String action) {
        super("Invalid value for configuration property '" + property + "' (not shown: it is a secret): " + reason);
        this.property = property;
        this.reason = reason;
        this.action = action;
    }

    String property() {
        return this.property;
    }

    String reason() {
        return this.reason;
    }

    String action() {
        return this.action;
    }
}
