package io.github.padlock.test;

import io.github.padlock.autoconfigure.PadlockAutoConfiguration;
import io.github.padlock.plan.DependencyStubs;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The kit's part of a MockMvc test ({@code @WebMvcTest}, {@code @AutoConfigureMockMvc}): the hook through which
 * {@link PadlockRequests#stub(String)} answers for a verifier in one request. Listed only in the kit's
 * {@code AutoConfigureMockMvc.imports}, never among an application's auto-configurations, so that no running
 * application has it; and the hook answers only requests that MockMvc built.
 */
@AutoConfiguration(before = PadlockAutoConfiguration.class)
public final class PadlockTestAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DependencyStubs padlockTestDependencyStubs(ListableBeanFactory beans) {
        return new MockMvcDependencyStubs(beans);
    }
}
