package io.github.padlock.web;

/**
 * What the start-up audit does with a handler that is open by accident: one without any Padlock requirement
 * ({@code @RequiresSecurity} or {@code @SecurityParam}) and not marked {@link io.github.padlock.PublicEndpoint}.
 * Handlers of springdoc ({@code org.springdoc}) and Spring Boot ({@code org.springframework.boot}: Actuator, the
 * error controller) are never listed.
 */
public enum UnprotectedAudit {

    /** Log one warning naming every such handler; the default. */
    WARN,

    /** Fail the start-up, naming every such handler. */
    FAIL,

    /** Do not look. */
    OFF
}
