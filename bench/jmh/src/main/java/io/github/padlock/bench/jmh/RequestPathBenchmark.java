package io.github.padlock.bench.jmh;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.github.padlock.SecurityDependency;
import io.github.padlock.SecurityRequest;
import io.github.padlock.SecurityResolution;
import io.github.padlock.SecurityScopes;
import io.github.padlock.jwt.JwtSettings;
import io.github.padlock.observation.PadlockObservation;
import io.github.padlock.plan.PlanResolver;
import io.github.padlock.plan.ResolvedPlan;
import io.github.padlock.plan.SecurityPlan;
import io.github.padlock.plan.SecurityPlans;
import io.github.padlock.scheme.SecurityScheme;
import io.github.padlock.web.PadlockWeb;
import io.github.padlock.web.ServletSecurityRequest;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Padlock's per-request path for one handler with one {@code @SecurityParam}, stage by stage, for each scheme:
 * <ul>
 * <li>{@code planLookup}: {@link SecurityPlans#planFor(HandlerMethod)}, what the interceptor does first;</li>
 * <li>{@code readRequest}: the scheme reading its credentials from the request;</li>
 * <li>{@code verify}: the verifier checking already-read credentials (through {@code Verifier.resolve}, with the
 * node's scopes);</li>
 * <li>{@code resolvePlan}: {@link SecurityPlan#resolve}: every node of the plan, read and verified, over a new
 * request view;</li>
 * <li>{@code resolveArgument}: the argument resolver handing the resolved value to the parameter, through Spring's
 * {@link HandlerMethodArgumentResolverComposite} (its per-parameter cache) as Spring MVC calls it;</li>
 * <li>{@code interceptorAndArgument}: the whole path: Padlock's interceptor's {@code preHandle} then the argument
 * resolver, on a request that has not been resolved yet;</li>
 * <li>{@code requestBaseline}: only the request calls that path makes (one {@code getHeaders}, one attribute read,
 * write and removal), without Padlock: what the request implementation itself costs.</li>
 * </ul>
 * Schemes: {@code basic} (HTTP Basic, constant-time comparison, no password hash), {@code apiKey} (API key header,
 * constant-time comparison with one key), {@code apiKeyStore} (the same header checked by Padlock's built-in
 * {@code ApiKeyAuthenticator}: SHA-256 of the key against {@code padlock.api-keys}), {@code bearer} (an opaque bearer
 * token looked up in a map), {@code jwt} (an HS256 JWT through {@code JwtDecoder} without a cache, so verified on
 * every request: the first check of a token, with a required scope), {@code jwtHit} (the same token through a decoder
 * with the default cache of verified tokens: every request after the first is a hit; the scope is still checked).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class RequestPathBenchmark {

    /** Which scheme and verifier the handler's parameter uses. */
    @Param({ "basic", "apiKey", "apiKeyStore", "bearer", "jwt", "jwtHit" })
    public String scheme;

    /** {@code lean}: a request costing what a container's does; {@code mock}: Spring's MockHttpServletRequest. */
    @Param({ "lean" })
    public String request;

    /**
     * What Padlock tells about each decision: {@code off} (the interceptor decides directly), {@code events} (a success
     * or failure application event, no listener), {@code metrics} (events and the {@code padlock.security}
     * observation, recorded as a Micrometer timer as Actuator does).
     */
    @Param({ "off" })
    public String observe;

    private AnnotationConfigApplicationContext context;

    private SecurityPlans plans;

    private HandlerMethod handlerMethod;

    private MethodParameter parameter;

    private SecurityPlan plan;

    private SecurityScheme<?> schemeBean;

    private SecurityDependency<?> verifier;

    private SecurityResolution verifyResolution;

    private String headerName;

    private HttpServletRequest httpRequest;

    private HttpServletRequest resolvedRequest;

    private ServletWebRequest webRequest;

    private ServletWebRequest resolvedWebRequest;

    private MockHttpServletResponse response;

    private HandlerInterceptor interceptor;

    private HandlerMethodArgumentResolverComposite resolvers;

    /** The request attribute in which Padlock's interceptor keeps a request's resolved plan. */
    private static final String RESOLVED = ResolvedPlan.class.getName();

    private final Object marker = new Object();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        this.context = new AnnotationConfigApplicationContext(BenchConfiguration.class);
        String headerValue;
        String schemeName;
        String verifierName;
        switch (this.scheme) {
            case "basic" -> {
                this.headerName = "Authorization";
                headerValue = "Basic " + Base64.getEncoder()
                    .encodeToString((BenchConfiguration.USERNAME + ":" + BenchConfiguration.PASSWORD).getBytes());
                schemeName = "basicAuth";
                verifierName = "basicUser";
            }
            case "apiKey", "apiKeyStore" -> {
                this.headerName = "X-API-KEY";
                headerValue = BenchConfiguration.API_KEY;
                schemeName = "apiKeyHeader";
                verifierName = this.scheme.equals("apiKey") ? "apiKeyUser" : "apiKeyPrincipal";
            }
            case "bearer" -> {
                this.headerName = "Authorization";
                headerValue = "Bearer " + BenchConfiguration.OPAQUE_TOKEN;
                schemeName = "bearerAuth";
                verifierName = "bearerUser";
            }
            case "jwt", "jwtHit" -> {
                this.headerName = "Authorization";
                headerValue = "Bearer " + BenchConfiguration.issueJwt(this.context.getBean(JwtSettings.class));
                schemeName = "oauth2Scheme";
                verifierName = this.scheme.equals("jwt") ? "jwtUser" : "cachedJwtUser";
            }
            default -> throw new IllegalArgumentException("Unknown scheme " + this.scheme);
        }
        this.plans = new SecurityPlans(this.context.getBeanFactory());
        Method method = Arrays.stream(BenchConfiguration.BenchController.class.getMethods())
            .filter((candidate) -> candidate.getName().equals(this.scheme))
            .findFirst()
            .orElseThrow();
        this.handlerMethod = new HandlerMethod(new BenchConfiguration.BenchController(), method);
        this.parameter = this.handlerMethod.getMethodParameters()[0];
        this.plan = this.plans.planFor(this.handlerMethod);
        this.schemeBean = this.context.getBean(schemeName, SecurityScheme.class);
        this.verifier = this.context.getBean(verifierName, SecurityDependency.class);

        this.httpRequest = LeanRequest.of(this.request, this.headerName, headerValue);
        this.resolvedRequest = LeanRequest.of(this.request, this.headerName, headerValue);
        this.webRequest = new ServletWebRequest(this.httpRequest);
        this.resolvedWebRequest = new ServletWebRequest(this.resolvedRequest);
        this.response = new MockHttpServletResponse();
        // Padlock's interceptor and argument resolver, as Spring MVC gets them: through its WebMvcConfigurer.
        PlanResolver resolver = switch (this.observe) {
            case "off" -> PlanResolver.DIRECT;
            case "events" -> PadlockObservation.publishingEvents(this.context, PlanResolver.DIRECT);
            case "metrics" -> {
                ObservationRegistry observations = ObservationRegistry.create();
                observations.observationConfig()
                    .observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
                yield PadlockObservation.observed(observations, null,
                        PadlockObservation.publishingEvents(this.context, PlanResolver.DIRECT));
            }
            default -> throw new IllegalArgumentException("Unknown observe " + this.observe);
        };
        WebMvcConfigurer configurer = PadlockWeb.webMvcConfigurer(this.plans, null, resolver);
        Registry registry = new Registry();
        configurer.addInterceptors(registry);
        this.interceptor = registry.only();
        List<HandlerMethodArgumentResolver> argumentResolvers = new ArrayList<>();
        configurer.addArgumentResolvers(argumentResolvers);
        this.resolvers = new HandlerMethodArgumentResolverComposite();
        this.resolvers.addResolvers(argumentResolvers);
        this.verifyResolution = new FixedResolution(new ServletSecurityRequest(this.httpRequest),
                this.plan.schemes().get(0).scopes(),
                this.schemeBean.resolve(new ServletSecurityRequest(this.httpRequest)));

        // Each benchmark must do the real work: check the whole path once, and leave resolvedRequest resolved.
        Object value = interceptorAndArgument();
        Object expected = (value instanceof io.github.padlock.jwt.JwtPrincipal principal) ? principal.subject()
                : (value instanceof io.github.padlock.credentials.ApiKeyPrincipal key) ? key.id() : value;
        if (!Objects.equals(expected, this.scheme.startsWith("apiKey") ? "demo" : BenchConfiguration.USERNAME)) {
            throw new IllegalStateException("Unexpected value " + value + " for " + this.scheme);
        }
        this.interceptor.preHandle(this.resolvedRequest, this.response, this.handlerMethod);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        this.context.close();
    }

    @Benchmark
    public SecurityPlan planLookup() {
        return this.plans.planFor(this.handlerMethod);
    }

    @Benchmark
    public @Nullable Object readRequest() {
        return this.schemeBean.resolve(new ServletSecurityRequest(this.httpRequest));
    }

    @Benchmark
    public @Nullable Object verify() {
        return this.verifier.resolve(this.verifyResolution);
    }

    @Benchmark
    public Object resolvePlan() {
        return this.plan.resolve(new ServletSecurityRequest(this.httpRequest));
    }

    @Benchmark
    public @Nullable Object resolveArgument() throws Exception {
        return this.resolvers.resolveArgument(this.parameter, null, this.resolvedWebRequest, null);
    }

    @Benchmark
    public @Nullable Object interceptorAndArgument() throws Exception {
        this.httpRequest.removeAttribute(RESOLVED);
        this.interceptor.preHandle(this.httpRequest, this.response, this.handlerMethod);
        return this.resolvers.resolveArgument(this.parameter, null, this.webRequest, null);
    }

    @Benchmark
    public @Nullable Object requestBaseline() {
        this.httpRequest.removeAttribute(RESOLVED);
        Object previous = this.httpRequest.getAttribute(RESOLVED);
        var values = this.httpRequest.getHeaders(this.headerName);
        String value = values.nextElement();
        boolean more = values.hasMoreElements();
        this.httpRequest.setAttribute(RESOLVED, this.marker);
        return (previous == null && !more) ? value : null;
    }

    /** Exposes the interceptors a configurer registered. */
    private static final class Registry extends InterceptorRegistry {

        HandlerInterceptor only() {
            List<Object> interceptors = getInterceptors();
            if (interceptors.size() != 1 || !(interceptors.get(0) instanceof HandlerInterceptor interceptor)) {
                throw new IllegalStateException("Expected Padlock's interceptor alone: " + interceptors);
            }
            return interceptor;
        }
    }

    /** What a verifier sees: the request, its node's scopes, and the credentials its scheme already read. */
    private record FixedResolution(SecurityRequest request, SecurityScopes scopes,
            @Nullable Object credentials) implements SecurityResolution {

        @Override
        @SuppressWarnings("unchecked")
        public <U> @Nullable U valueOf(SecurityDependency<U> dependency) {
            return (U) this.credentials;
        }
    }
}
