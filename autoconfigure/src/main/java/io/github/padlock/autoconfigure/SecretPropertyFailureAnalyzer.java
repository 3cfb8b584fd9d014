package io.github.padlock.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link SecretPropertyException} in Spring Boot's start-up failure report, naming the property and never
 * its value.
 */
final class SecretPropertyFailureAnalyzer extends AbstractFailureAnalyzer<SecretPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretPropertyException cause) {
        return new FailureAnalysis("The value of the configuration property '" + cause.property()
                + "' cannot be used (it is a secret, so it is not shown):\n\n    Reason: " + cause.reason(),
                cause.action(), cause);
    }
}
