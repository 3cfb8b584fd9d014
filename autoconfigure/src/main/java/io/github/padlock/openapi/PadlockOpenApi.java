package io.github.padlock.openapi;

import io.github.padlock.AttemptLimiter;
import io.github.padlock.plan.SecurityPlans;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

/**
 * Padlock's springdoc customizers as springdoc types, for the auto-configuration (or an application that wires
 * Padlock itself): the classes behind them are internal.
 */
public final class PadlockOpenApi {

    private PadlockOpenApi() {
    }

    /**
     * @param plans the plans of the application's handlers
     * @return the customizer that writes each operation's {@code security} and the schemes it uses from its plan
     */
    public static GlobalOperationComponentsCustomizer securityCustomizer(SecurityPlans plans) {
        return securityCustomizer(plans, null);
    }

    /**
     * @param plans the plans of the application's handlers
     * @param limiter the brute-force limiter, whose 429 secured operations then document, or {@code null} for none
     * @return the customizer that writes each operation's {@code security}, the schemes it uses and the refusals
     * Padlock may answer (400, 401, 403 when scopes are asked, 429 with a limiter) from its plan
     */
    public static GlobalOperationComponentsCustomizer securityCustomizer(SecurityPlans plans,
            @Nullable AttemptLimiter limiter) {
        return new SecurityOperationCustomizer(plans, limiter != null);
    }

    /**
     * @param limiter the brute-force limiter, whose 429 the token endpoint then documents, or {@code null} for none
     * @return the customizer that documents Padlock's token endpoint: its tag and summary, its token response and its
     * RFC 6749 error body
     */
    public static GlobalOperationComponentsCustomizer tokenEndpointCustomizer(@Nullable AttemptLimiter limiter) {
        return tokenEndpointCustomizer(limiter, false);
    }

    /**
     * @param limiter the brute-force limiter, whose 429 the token endpoint then documents, or {@code null} for none
     * @param refreshTokens whether the token endpoint serves the refresh grant (RFC 6749 §6) and answers refresh
     * tokens
     * @return the customizer that documents Padlock's token and revocation endpoints: their tags and summaries, their
     * form bodies, the token response and the RFC 6749 error body
     */
    public static GlobalOperationComponentsCustomizer tokenEndpointCustomizer(@Nullable AttemptLimiter limiter,
            boolean refreshTokens) {
        return new TokenEndpointOperationCustomizer(limiter != null, refreshTokens);
    }

    /**
     * @return the customizer that documents an {@code OAuth2PasswordRequestForm} parameter as the form body it is
     * bound from
     */
    public static GlobalOperationComponentsCustomizer passwordFormCustomizer() {
        return new PasswordRequestFormOperationCustomizer();
    }
}
