package io.github.padlock.openapi;

import io.github.padlock.plan.SecurityPlans;
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
        return new SecurityOperationCustomizer(plans);
    }

    /**
     * @return the customizer that documents an {@code OAuth2PasswordRequestForm} parameter as the form body it is
     * bound from
     */
    public static GlobalOperationComponentsCustomizer passwordFormCustomizer() {
        return new PasswordRequestFormOperationCustomizer();
    }
}
