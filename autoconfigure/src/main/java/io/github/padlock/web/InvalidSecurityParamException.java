package io.github.padlock.web;

/**
 * A {@link io.github.padlock.SecurityParam} that no security dependency bean can satisfy, found at start-up.
 */
final class InvalidSecurityParamException extends IllegalStateException {

    private final String action;

    InvalidSecurityParamException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return this.action;
    }
}
