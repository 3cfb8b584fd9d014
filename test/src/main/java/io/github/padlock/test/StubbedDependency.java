package io.github.padlock.test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.padlock.GrantedScopes;
import io.github.padlock.SecurityDependency;
import io.github.padlock.plan.DependencyStubs;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a scheme or verifier bean answers in one MockMvc request, in place of reading credentials: FastAPI's
 * {@code app.dependency_overrides[get_current_user] = ...}, for one request only. Verifiers above the stubbed one run
 * as usual on its value, and Padlock's fail-closed rules hold: scopes asked on the path are checked against the
 * scopes the stub grants, which are those of a {@link GrantedScopes} value (a {@code UserPrincipal},
 * {@code ApiKeyPrincipal} or {@code JwtPrincipal}, or a type of the application's that implements it), or those given
 * to {@link #grantingScopes(String...)}; any other value grants none, so a path that asks scopes answers 403 until the
 * test says which it grants. Immutable: each method returns a copy.
 */
public final class StubbedDependency implements RequestPostProcessor {

    /** The request attribute holding the stubs of a request, by bean name. */
    static final String ATTRIBUTE = StubbedDependency.class.getName();

    private final String beanName;

    private final @Nullable Object value;

    private final @Nullable RuntimeException refusal;

    private final @Nullable List<String> grantedScopes;

    StubbedDependency(String beanName, @Nullable Object value, @Nullable RuntimeException refusal,
            @Nullable List<String> grantedScopes) {
        this.beanName = beanName;
        this.value = value;
        this.refusal = refusal;
        this.grantedScopes = grantedScopes;
    }

    /**
     * @param value what the dependency produces in this request, such as {@code new UserPrincipal("stanley",
     * List.of("items:read"))}; its scopes are what the stub grants, for a {@link GrantedScopes} value
     * @return a copy producing {@code value}
     */
    public StubbedDependency returns(Object value) {
        return new StubbedDependency(this.beanName, value, null, this.grantedScopes);
    }

    /**
     * @param refusal what the dependency throws in this request, such as a {@code PadlockException}
     * @return a copy refusing the request
     */
    public StubbedDependency refuses(RuntimeException refusal) {
        return new StubbedDependency(this.beanName, null, refusal, this.grantedScopes);
    }

    /**
     * @param scopes the scopes the stub grants, in place of those of the value
     * @return a copy granting exactly these
     */
    public StubbedDependency grantingScopes(String... scopes) {
        return new StubbedDependency(this.beanName, this.value, this.refusal, List.of(scopes));
    }

    @Override
    @SuppressWarnings("unchecked")
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        if (this.value == null && this.refusal == null) {
            throw new IllegalStateException("stub(\"" + this.beanName + "\") needs returns(...) or refuses(...)");
        }
        ListableBeanFactory beans = KitBeans.of(request);
        if (!(beans.getBeanProvider(DependencyStubs.class).getIfAvailable() instanceof MockMvcDependencyStubs)) {
            throw new IllegalStateException("Stubs need the kit's MockMvc auto-configuration (@WebMvcTest or "
                    + "@AutoConfigureMockMvc) or PadlockMockMvc.standaloneSetup");
        }
        if (!beans.containsBean(this.beanName) || !(beans.getBean(this.beanName) instanceof SecurityDependency<?>)) {
            throw new IllegalArgumentException("'" + this.beanName + "' is no scheme or verifier bean; they are: "
                    + String.join(", ", beans.getBeanNamesForType(SecurityDependency.class)));
        }
        Map<String, SecurityDependency<?>> stubs = (request.getAttribute(ATTRIBUTE) instanceof Map<?, ?> existing)
                ? (Map<String, SecurityDependency<?>>) existing : new HashMap<>();
        stubs.put(this.beanName, dependency());
        request.setAttribute(ATTRIBUTE, stubs);
        return request;
    }

    private SecurityDependency<?> dependency() {
        RuntimeException refusal = this.refusal;
        Object value = this.value;
        List<String> granted = (this.grantedScopes != null) ? this.grantedScopes : scopesOf(value);
        return (resolution) -> {
            if (refusal != null) {
                throw refusal;
            }
            resolution.scopes().require(granted);
            return value;
        };
    }

    private static List<String> scopesOf(@Nullable Object value) {
        return (value instanceof GrantedScopes granted) ? List.copyOf(granted.scopes()) : List.of();
    }

    @Override
    public String toString() {
        return "stub(" + this.beanName + ")";
    }
}
