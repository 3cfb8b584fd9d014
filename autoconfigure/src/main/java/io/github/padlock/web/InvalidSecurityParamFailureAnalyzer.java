package io.github.padlock.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidSecurityParamException} in Spring Boot's start-up failure report.
 */
final class InvalidSecurityParamFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecurityParamException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecurityParamException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
