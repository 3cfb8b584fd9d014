package io.github.padlock.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.padlock.SecurityDependency;
import io.github.padlock.scheme.ApiKeyCookie;
import io.github.padlock.scheme.ApiKeyHeader;
import io.github.padlock.scheme.ApiKeyQuery;
import io.github.padlock.scheme.ApiKeyScheme;
import jakarta.servlet.http.Cookie;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Credentials for a request a test builds with MockMvc or {@code MockMvcTester} ({@code .with(...)}), as
 * spring-security-test's {@code httpBasic(...)} and {@code jwt()} are for Spring Security: each one reaches the
 * application through Padlock's schemes and verifiers, exactly as a client's would, except {@link #stub(String)},
 * which answers for a verifier without any credentials (FastAPI's {@code dependency_overrides}). For
 * {@code RestTestClient}, {@link PadlockHeaders} turns them into headers.
 *
 * <pre>{@code
 * mvc.perform(get("/users/me").with(httpBasic("stanley", "password123")));
 * mvc.perform(get("/secure-data").with(apiKey("apiKeyHeader", "demo.X1Mc...")));
 * mvc.perform(get("/users/me/oauth").with(jwt().subject("stanley").scopes("items:read")));
 * mvc.perform(get("/users/me/oauth").with(stub("currentActiveUser").returns(new UserPrincipal("stanley", List.of()))));
 * }</pre>
 */
public final class PadlockRequests {

    private PadlockRequests() {
    }

    /**
     * @param username the user name
     * @param password the password
     * @return {@code Authorization: Basic} with the UTF-8 encoding of {@code username:password} (RFC 7617)
     */
    public static RequestPostProcessor httpBasic(String username, String password) {
        String credentials = Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return authorization("Basic " + credentials);
    }

    /**
     * @param token the token, such as one a test obtained from the token endpoint
     * @return {@code Authorization: Bearer token} (RFC 6750 §2.1)
     */
    public static RequestPostProcessor bearer(String token) {
        return authorization("Bearer " + token);
    }

    /**
     * An API key where the named scheme reads it: the header of an {@code ApiKeyHeader}, the query parameter of an
     * {@code ApiKeyQuery} or the cookie of an {@code ApiKeyCookie}.
     * @param schemeName the bean name of the scheme, such as {@code apiKeyHeader} of {@code padlock.schemes}
     * @param key the key
     * @return the post-processor
     */
    public static RequestPostProcessor apiKey(String schemeName, String key) {
        return (request) -> {
            ListableBeanFactory beans = KitBeans.of(request);
            Object scheme = beans.containsBean(schemeName) ? beans.getBean(schemeName) : null;
            if (scheme instanceof ApiKeyHeader header) {
                request.addHeader(header.name(), key);
            }
            else if (scheme instanceof ApiKeyQuery query) {
                request.addParameter(query.name(), key);
                String pair = query.name() + "=" + key;
                String existing = request.getQueryString();
                request.setQueryString((existing == null || existing.isEmpty()) ? pair : existing + "&" + pair);
            }
            else if (scheme instanceof ApiKeyCookie cookie) {
                request.setCookies(new Cookie(cookie.name(), key));
            }
            else {
                throw new IllegalArgumentException("'" + schemeName + "' is no API key scheme bean (ApiKeyHeader, "
                        + "ApiKeyQuery or ApiKeyCookie); the API key schemes: " + String.join(", ",
                                beans.getBeanNamesForType(ApiKeyScheme.class)));
            }
            return request;
        };
    }

    /**
     * A JWT signed with the application's key ({@code padlock.jwt.secret} or {@code private-key}, through its
     * {@code JwtIssuer} or its {@code JwtSettings}), sent as a bearer token: build it with
     * {@link PadlockJwt#subject(String)}, {@link PadlockJwt#scopes(String...)} and {@link PadlockJwt#claim}.
     * @return a token for the subject {@code user} without scopes, valid for five minutes
     */
    public static PadlockJwt jwt() {
        return PadlockJwt.DEFAULT;
    }

    /**
     * Answer for a scheme or verifier bean in one request, without credentials: the dependencies beneath it are not
     * read. Scopes asked on the path are still checked, against the stubbed principal's (see
     * {@link StubbedDependency#returns(Object)}). Works where the kit's MockMvc auto-configuration runs
     * ({@code @WebMvcTest}, {@code @AutoConfigureMockMvc}) and in {@link PadlockMockMvc}; never over a real
     * connection.
     * @param beanName the name of a {@link SecurityDependency} bean, such as {@code currentUser}
     * @return the stub, to complete with {@link StubbedDependency#returns(Object)} or
     * {@link StubbedDependency#refuses(RuntimeException)}
     */
    public static StubbedDependency stub(String beanName) {
        return new StubbedDependency(beanName, null, null, null);
    }

    private static RequestPostProcessor authorization(String value) {
        return (request) -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, value);
            return request;
        };
    }
}
