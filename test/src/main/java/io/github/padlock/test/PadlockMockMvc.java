package io.github.padlock.test;

import java.util.function.Consumer;

import io.github.padlock.SecurityDependency;
import io.github.padlock.plan.DependencyStubs;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.web.PadlockExceptionHandler;
import io.github.padlock.web.PadlockWeb;
import io.github.padlock.web.UnprotectedAudit;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.test.web.servlet.setup.StandaloneMockMvcBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * A standalone MockMvc with Padlock: Spring's {@code MockMvcBuilders.standaloneSetup} runs no auto-configuration and
 * no {@code WebMvcConfigurer}, so Padlock is not there and a {@code @SecurityParam} parameter would be bound from the
 * request like any other. This one registers Padlock's interceptor, argument resolver and problem+json handler with
 * the schemes and verifiers the test names, and plans every handler as an application's start-up does:
 *
 * <pre>{@code
 * HttpBasic basicAuth = HttpBasic.builder().build();
 * MockMvc mvc = PadlockMockMvc.standaloneSetup(new NotesController())
 *     .bean("basicAuth", basicAuth)
 *     .bean("noteTaker", Verifier.of(basicAuth, (credentials, scopes) -> credentials.username()))
 *     .build();
 * }</pre>
 */
public final class PadlockMockMvc {

    private final Object[] controllers;

    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    private Consumer<StandaloneMockMvcBuilder> customizer = (builder) -> {
    };

    private PadlockMockMvc(Object[] controllers) {
        this.controllers = controllers.clone();
    }

    /**
     * @param controllers the controllers to test
     * @return a builder, to give the scheme and verifier beans
     */
    public static PadlockMockMvc standaloneSetup(Object... controllers) {
        return new PadlockMockMvc(controllers);
    }

    /**
     * @param name the bean name that {@code @SecurityParam} and {@code @RequiresSecurity} use
     * @param dependency the scheme or verifier
     * @return this builder
     */
    public PadlockMockMvc bean(String name, SecurityDependency<?> dependency) {
        this.beans.registerSingleton(name, dependency);
        return this;
    }

    /**
     * @param customizer changes to Spring's builder, such as {@code setMessageConverters(...)}
     * @return this builder
     */
    public PadlockMockMvc customize(Consumer<StandaloneMockMvcBuilder> customizer) {
        this.customizer = this.customizer.andThen(customizer);
        return this;
    }

    /**
     * @return the MockMvc; {@code MockMvcTester.create(mvc)} for AssertJ
     * @throws io.github.padlock.plan.SecurityConfigurationException for a declaration that cannot work, as at an
     * application's start-up
     */
    public MockMvc build() {
        DependencyStubs stubs = new MockMvcDependencyStubs(this.beans);
        this.beans.registerSingleton("padlockTestDependencyStubs", stubs);
        SecurityPlans plans = new SecurityPlans(this.beans, stubs);
        StandaloneMockMvcBuilder builder = MockMvcBuilders.standaloneSetup(this.controllers)
            .addInterceptors(PadlockWeb.interceptor(plans, null))
            .setCustomArgumentResolvers(PadlockWeb.argumentResolver(plans))
            .setControllerAdvice(new PadlockExceptionHandler());
        this.customizer.accept(builder);
        MockMvc mvc = builder.build();
        WebApplicationContext context = (WebApplicationContext) mvc.getDispatcherServlet().getWebApplicationContext();
        if (context != null) {
            PadlockWeb.handlerPlanning(context, plans, UnprotectedAudit.OFF).afterSingletonsInstantiated();
            context.getServletContext().setAttribute(KitBeans.ATTRIBUTE, this.beans);
        }
        return mvc;
    }
}
