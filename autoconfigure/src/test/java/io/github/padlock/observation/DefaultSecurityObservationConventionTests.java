package io.github.padlock.observation;

import java.lang.reflect.Method;
import java.util.List;

import io.github.padlock.SecurityOutcome;
import io.github.padlock.SecurityParam;
import io.github.padlock.TestRequest;
import io.github.padlock.plan.ResolvedPlan;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.scheme.HttpAuthorizationCredentials;
import io.github.padlock.scheme.HttpBearer;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code outcome} key while a decision runs, after it, and after a bug. */
class DefaultSecurityObservationConventionTests {

    private final DefaultSecurityObservationConvention convention = new DefaultSecurityObservationConvention();

    @Test
    void outcomeWhenUndecidedThenUnknownAndWhenFailedThenError() throws Exception {
        SecurityObservationContext context = new SecurityObservationContext(resolution());
        assertThat(outcome(context)).isEqualTo("unknown");
        context.setOutcome(SecurityOutcome.INVALID);
        assertThat(outcome(context)).isEqualTo("invalid");
        SecurityObservationContext failed = new SecurityObservationContext(resolution());
        failed.setFailed();
        assertThat(outcome(failed)).isEqualTo("error");
    }

    private String outcome(SecurityObservationContext context) {
        for (KeyValue keyValue : this.convention.getLowCardinalityKeyValues(context)) {
            if (keyValue.getKey().equals("outcome")) {
                return keyValue.getValue();
            }
        }
        throw new AssertionError("no outcome key");
    }

    private static ResolvedPlan resolution() throws Exception {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("bearer", HttpBearer.builder().build());
        Method method = Handler.class.getDeclaredMethod("handle", HttpAuthorizationCredentials.class);
        return new SecurityPlans(beans).planFor(new HandlerMethod(new Handler(), method))
            .prepare(new TestRequest());
    }

    static class Handler {

        String handle(@SecurityParam("bearer") HttpAuthorizationCredentials credentials) {
            return List.of(credentials).toString();
        }
    }
}
