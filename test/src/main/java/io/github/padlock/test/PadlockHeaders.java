package io.github.padlock.test;

import java.util.Collections;
import java.util.function.Consumer;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@link PadlockRequests}' credentials as headers, for {@code RestTestClient} (against a running server or bound to
 * MockMvc) and any client that takes a {@code Consumer<HttpHeaders>}:
 *
 * <pre>{@code
 * client.get().uri("/users/me/oauth").headers(PadlockHeaders.of(context, jwt().subject("stanley"))).exchange();
 * }</pre>
 *
 * Only what travels in headers: an {@code ApiKeyQuery} key belongs in the URI, and a
 * {@link PadlockRequests#stub(String) stub}, which is no credential, works with MockMvc only; both are refused.
 */
public final class PadlockHeaders {

    private PadlockHeaders() {
    }

    /**
     * @param context the application's context, for the schemes and the JWT key
     * @param credentials credentials of {@link PadlockRequests}
     * @return what sets the headers they add
     * @throws IllegalArgumentException for credentials that are not headers
     */
    public static Consumer<HttpHeaders> of(ApplicationContext context, RequestPostProcessor credentials) {
        return (headers) -> {
            MockHttpServletRequest probe = new MockHttpServletRequest();
            probe.setAttribute(KitBeans.ATTRIBUTE, context);
            if (credentials instanceof StubbedDependency) {
                throw new IllegalArgumentException(credentials + " works with MockMvc only: a stub is no credential "
                        + "a client can send");
            }
            MockHttpServletRequest request = credentials.postProcessRequest(probe);
            if (request.getQueryString() != null || !request.getParameterMap().isEmpty()) {
                throw new IllegalArgumentException("These credentials go in the query string: put them in the URI");
            }
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.addAll(name, Collections.list(request.getHeaders(name)));
            }
        };
    }
}
