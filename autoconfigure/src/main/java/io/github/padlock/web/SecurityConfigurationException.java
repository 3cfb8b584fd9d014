package io.github.padlock.web;

/**
 * A security declaration that cannot work, found at start-up: a {@link io.github.padlock.SecurityParam} that no
 * security dependency bean satisfies, or two schemes that would share an OpenAPI component key. Carries the action
 * that Spring Boot's failure report suggests.
 */
final class SecurityConfigurationException extends IllegalStateException {

    private final String action;

    SecurityConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return this.action;
    }
}
