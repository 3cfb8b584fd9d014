package io.github.padlock.autoconfigure;

import io.github.padlock.plan.SecurityConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link SecurityConfigurationException} in Spring Boot's start-up failure report.
 */
final class SecurityConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SecurityConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecurityConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
