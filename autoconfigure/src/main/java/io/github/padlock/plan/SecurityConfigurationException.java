package io.github.padlock.plan;

/**
 * A security declaration that cannot work, found at start-up: a {@link io.github.padlock.SecurityParam} that no
 * security dependency bean satisfies, scopes nothing could check, or two schemes that would share an OpenAPI component
 * key. Carries the action that Spring Boot's failure report suggests.
 */
public final class SecurityConfigurationException extends IllegalStateException {

    /** What to do about it, for the start-up failure report. */
    private final String action;

    /**
     * @param description what cannot work, naming the declaration
     * @param action what to do about it
     */
    public SecurityConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    /**
     * @return what to do about it, for the start-up failure report
     */
    public String action() {
        return this.action;
    }
}
