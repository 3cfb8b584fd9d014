package io.github.padlock.springsecurity;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The bridge to Spring Security as Spring types, for the auto-configuration (or an application that wires Padlock
 * itself): the classes behind them are internal.
 */
public final class PadlockSpringSecurity {

    /**
     * The order of the bridge's interceptor: after every interceptor of order 0, the default, which Padlock's is, so
     * that the plan is resolved when it runs; an interceptor of the application's that reads the context in its
     * {@code preHandle} needs a higher order.
     */
    public static final int INTERCEPTOR_ORDER = 1;

    private PadlockSpringSecurity() {
    }

    /**
     * @param holder Spring Security's context holder: the application's {@code SecurityContextHolderStrategy} bean,
     * else {@code SecurityContextHolder.getContextHolderStrategy()}
     * @return a configurer that registers the interceptor making Padlock's principal the {@code Authentication} of the
     * {@code SecurityContext} for the handler's duration (a {@link PadlockAuthentication}), and answers Spring
     * Security's {@code AccessDeniedException} thrown meanwhile as Padlock's {@code 403 Not enough permissions}
     */
    public static WebMvcConfigurer webMvcConfigurer(SecurityContextHolderStrategy holder) {
        return new SpringSecurityWebMvcConfigurer(holder);
    }
}
