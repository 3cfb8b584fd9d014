package io.github.padlock.autoconfigure;

import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.plan.SecurityConfigurationException;
import io.github.padlock.scheme.HttpBasic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declaration that cannot work is explained in Spring Boot's start-up failure report, with its action.
 */
class SecurityConfigurationFailureAnalyzerTests {

    @Test
    void analyzeWhenSecurityConfigurationExceptionThenDescriptionAndAction() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, PadlockAutoConfiguration.class))
            .withUserConfiguration(Unsatisfied.class)
            .run((context) -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new SecurityConfigurationFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("parameter 'count'")
                    .contains("no security dependency beans produce java.lang.Integer");
                assertThat(analysis.getAction()).contains("Integer");
                assertThat(analysis.getCause()).isInstanceOf(SecurityConfigurationException.class);
            });
    }

    @RestController
    static class Unsatisfied {

        @Bean
        HttpBasic basicAuth() {
            return HttpBasic.builder().build();
        }

        @GetMapping("/count")
        Map<String, Integer> count(@SecurityParam Integer count) {
            return Map.of("count", count);
        }
    }
}
